using System.Globalization;

namespace MieEvaluation.Domain.Evaluation;

/// <summary>Why a reported value or its comment cannot be stored.</summary>
public enum ValueProblem
{
    /// <summary>Not a plain number: "11,740", "1.2e3", "NaN" and "∞" are refused.</summary>
    NotANumber,
    Negative,

    /// <summary>Above <see cref="ReportedValueRules.MaxValue"/>.</summary>
    TooLarge,

    /// <summary>More decimal places than the indicator allows.</summary>
    TooManyDecimals,

    /// <summary>Longer than <see cref="ReportedValueRules.MaxCommentLength"/>.</summary>
    CommentTooLong,

    /// <summary>An import row without a value and without a comment saying why the base reported none.</summary>
    MissingUnexplained,
}

/// <summary>A value as a base reports it: a number, or none with a comment that explains why (an explained gap).</summary>
public readonly record struct ReportedValue(decimal? Value, string? Comment)
{
    public bool IsExplained => !string.IsNullOrWhiteSpace(Comment);

    /// <summary>Neither a value nor a comment: nothing to store.</summary>
    public bool IsEmpty => Value is null && !IsExplained;
}

/// <summary>
/// The one rule set for a reported value, used by the yearly form's validator and by the import alike: what a value
/// text may look like and which comments are accepted. Pure: the callers localise the problems.
/// </summary>
public static class ReportedValueRules
{
    /// <summary>Far above any real figure and well inside the exact range of the SQLite storage (ADR 0008).</summary>
    public const decimal MaxValue = 1_000_000_000_000m;

    public const int MaxCommentLength = 2000;

    /// <summary>Plain digits with an optional sign and decimal point, invariant culture.</summary>
    public static bool TryParse(string? text, out decimal value) =>
        decimal.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    /// <summary>Whether <paramref name="value"/> has at most <paramref name="decimals"/> decimal places (trailing zeros do not count).</summary>
    public static bool FitsDecimals(decimal value, int decimals) => decimal.Round(value, decimals) == value;

    /// <summary>
    /// Checks a value text; an empty text is no value (null) and no problem here — whether a gap is allowed is the
    /// caller's rule (a form may be saved with gaps; an import row must explain one).
    /// </summary>
    public static ValueProblem? CheckValue(string? text, int decimals, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!TryParse(text, out var parsed))
        {
            return ValueProblem.NotANumber;
        }

        if (parsed < 0)
        {
            return ValueProblem.Negative;
        }

        if (parsed > MaxValue)
        {
            return ValueProblem.TooLarge;
        }

        if (!FitsDecimals(parsed, decimals))
        {
            return ValueProblem.TooManyDecimals;
        }

        value = parsed;
        return null;
    }

    public static ValueProblem? CheckComment(string? comment) =>
        comment is { Length: > MaxCommentLength } ? ValueProblem.CommentTooLong : null;

    /// <summary>A comment as stored: trimmed, and null when blank.</summary>
    public static string? CleanComment(string? comment) => string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
}
