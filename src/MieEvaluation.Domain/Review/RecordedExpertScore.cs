using MieEvaluation.Domain.Evaluation;

namespace MieEvaluation.Domain.Review;

/// <summary>Which scoring of a base a score belongs to: its own group's review, or another group's cross review.</summary>
public enum ReviewPass
{
    /// <summary>专家函评 by the experts of the base's own group.</summary>
    Expert,

    /// <summary>交叉互评 by the experts of the group the round assigned to re-score the base.</summary>
    Cross,
}

/// <summary>An expert's score of a base on a criterion in a round, as stored (one per round, base, expert and criterion).</summary>
public class RecordedExpertScore
{
    public long Id { get; set; }

    public int RoundId { get; set; }

    public ReviewPass Pass { get; set; }

    public int BaseId { get; set; }

    /// <summary>The expert's account (ASP.NET Core Identity user id).</summary>
    public required string ExpertUserId { get; set; }

    public required string Criterion { get; set; }

    public decimal Score { get; set; }

    public string? Comment { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    /// <summary>
    /// When the expert submitted their scores of the base (all criteria at once); null while a draft. Only submitted
    /// scores count, and a submitted score is final for the expert. A paper round's imported scores are submitted.
    /// </summary>
    public DateTime? SubmittedAtUtc { get; set; }

    /// <summary>Who recorded it: the expert in the browser, or the administrator who imported a paper round.</summary>
    public string RecordedBy { get; set; } = "";

    public ChangeSource Source { get; set; }
}

/// <summary>One change of an expert's score: appended, never updated or deleted.</summary>
public class ExpertScoreChange
{
    public long Id { get; set; }

    public int RoundId { get; set; }

    public ReviewPass Pass { get; set; }

    public int BaseId { get; set; }

    public required string ExpertUserId { get; set; }

    public required string Criterion { get; set; }

    public decimal? OldScore { get; set; }

    /// <summary>The new score; null when the score was removed (the expert declared a conflict with the base).</summary>
    public decimal? NewScore { get; set; }

    /// <summary>Whether this change submitted the score.</summary>
    public bool Submitted { get; set; }

    public string? Comment { get; set; }

    public DateTime ChangedAtUtc { get; set; }

    public string ChangedBy { get; set; } = "";

    public ChangeSource Source { get; set; }

    /// <summary>The file name of an import.</summary>
    public string? FileName { get; set; }
}

/// <summary>The bounds of what an expert writes.</summary>
public static class ExpertScoreLimits
{
    public const int CommentLength = 2000;

    /// <summary>
    /// Reads a score as typed or imported: a number from 0 to <paramref name="max"/> with at most two decimals (stored
    /// exactly on both providers), written with a point and no sign or grouping.
    /// </summary>
    public static bool TryRead(string text, decimal max, out decimal score) =>
        decimal.TryParse(text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out score)
        && score <= max && score.Scale <= 2;
}
