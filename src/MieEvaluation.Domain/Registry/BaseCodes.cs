using System.Globalization;
using System.Text.RegularExpressions;

namespace MieEvaluation.Domain.Registry;

/// <summary>
/// The base codes: two digits of the batch year, a type letter and a running number (<c>16R01</c>, <c>17U05</c>,
/// <c>16C01</c>). Enterprise bases were once coded with <c>E</c> (<c>16E01</c>), which every spreadsheet and data
/// reader takes for a number in scientific notation (16×10¹ = 160); they now carry <c>C</c> (docs/decisions/0016), and
/// the former codes stay accepted everywhere as aliases so that no link, script or file breaks.
/// </summary>
public static partial class BaseCodes
{
    /// <summary>The letter of enterprise bases until 2026; read as an exponent by Excel, LibreOffice, pandas and R.</summary>
    public const char FormerEnterpriseLetter = 'E';

    public static char Letter(BaseType type) => type switch
    {
        BaseType.Regional => 'R',
        BaseType.UnivInst => 'U',
        _ => 'C',
    };

    /// <summary>The code as stored: trimmed, upper case, a former enterprise code (<c>16E01</c>) turned into its new form (<c>16C01</c>).</summary>
    public static string Canonical(string? code)
    {
        var text = (code ?? string.Empty).Trim().ToUpperInvariant();
        return FormerPattern().IsMatch(text) ? string.Concat(text.AsSpan(0, 2), "C", text.AsSpan(3)) : text;
    }

    /// <summary>Whether a code has the form a new base may take (never the former E form).</summary>
    public static bool IsWellFormed(string code) => Pattern().IsMatch(code);

    /// <summary>Whether the text, as typed, is a former enterprise code (so that the answer can name the new one).</summary>
    public static bool IsFormer(string? code) => FormerPattern().IsMatch((code ?? string.Empty).Trim().ToUpperInvariant());

    /// <summary>The former code of an enterprise base (<c>16C01</c> → <c>16E01</c>); null for the others.</summary>
    public static string? Former(string code) =>
        code.Length >= 4 && code[2] == 'C' && Pattern().IsMatch(code) ? string.Concat(code.AsSpan(0, 2), "E", code.AsSpan(3)) : null;

    /// <summary>
    /// The bases whose former code a spreadsheet could have turned into this number: <c>1.60E+02</c>, <c>160</c> and
    /// <c>160.0</c> all come from <c>16E01</c>, <c>16000000</c> from <c>16E06</c>. Empty when the text is not a number.
    /// </summary>
    public static IReadOnlyList<string> MangledFrom(string? text, IEnumerable<string> codes)
    {
        if (!double.TryParse(text?.Trim(), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            return [];
        }

        return codes.Where(c => Former(c) is { } former &&
                                double.TryParse(former, NumberStyles.Float, CultureInfo.InvariantCulture, out var read) &&
                                Math.Abs(read - number) <= 1e-9 * read)
            .ToList();
    }

    [GeneratedRegex(@"^\d{2}[RUC]\d{2,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^\d{2}E\d{2,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex FormerPattern();
}
