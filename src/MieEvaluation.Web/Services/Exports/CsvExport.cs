using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace MieEvaluation.Web.Services.Exports;

/// <summary>
/// Writes export files: UTF-8 with a byte order mark (so Excel shows Chinese), RFC 4180 quoting by CsvHelper,
/// invariant-culture numbers, and text cells neutralised against formula injection.
/// </summary>
public static class CsvExport
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>
    /// A text cell that a spreadsheet would run as a formula gets a leading apostrophe. Plain numbers ("-6.9") are left
    /// alone, so that numeric columns stay numbers.
    /// </summary>
    public static string Neutralise(string? text)
    {
        if (string.IsNullOrEmpty(text) || Array.IndexOf(FormulaStarts, text[0]) < 0 ||
            decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
        {
            return text ?? "";
        }

        return "'" + text;
    }

    /// <summary>Full precision without trailing zeros (11740, not 11740.0000), invariant culture.</summary>
    public static string Number(decimal? value) => value?.ToString("G29", CultureInfo.InvariantCulture) ?? "";

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The file: a header and rows of cells already made safe with <see cref="Neutralise"/> or <see cref="Number(decimal?)"/>.</summary>
    public static byte[] Write(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.None }))
        {
            foreach (var cell in header)
            {
                csv.WriteField(cell);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell);
                }

                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }

    /// <summary>A file name that carries the export, its filters and the date, e.g. mie-growth-2016-2018-east-balanced-20261126.csv.</summary>
    public static string FileName(string kind, DateTime today, params string?[] parts) =>
        string.Join('-', new[] { "mie", kind }.Concat(parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Safe(p!)))
            .Append(today.ToString("yyyyMMdd", CultureInfo.InvariantCulture))) + ".csv";

    private static string Safe(string part) => new(part.Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').Take(40).ToArray());
}
