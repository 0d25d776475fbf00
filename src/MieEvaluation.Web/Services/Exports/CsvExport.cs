using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace MieEvaluation.Web.Services.Exports;

/// <summary>
/// Writes an <see cref="ExportTable"/> as CSV: UTF-8 with a byte order mark (so Excel shows Chinese), RFC 4180 quoting
/// by CsvHelper, invariant-culture numbers at full precision, and text cells neutralised against formula injection.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

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

    /// <summary>
    /// Full precision without trailing zeros and never in scientific notation (11740, not 11740.0000; 0.0000012, not
    /// 1.2E-06), invariant culture: what every reader parses as the same number. JSON prints numbers the same way.
    /// </summary>
    public static string Number(decimal? value) =>
        value?.ToString("0.############################", CultureInfo.InvariantCulture) ?? "";

    public static byte[] Write(ExportTable table)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.None }))
        {
            foreach (var column in table.Columns)
            {
                csv.WriteField(column.Name);
            }

            csv.NextRecord();
            foreach (var row in table.Rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell.Number is { } number ? Number(number) : Neutralise(cell.Text));
                }

                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }

    /// <summary>A file name that carries the export, its filters and the date, e.g. mie-growth-2016-2018-east-balanced-20261126.csv.</summary>
    public static string FileName(string kind, DateTime today, string extension, params string?[] parts) =>
        string.Join('-', new[] { "mie", kind }.Concat(parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Safe(p!)))
            .Append(today.ToString("yyyyMMdd", CultureInfo.InvariantCulture))) + "." + extension;

    private static string Safe(string part) => new(part.Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').Take(40).ToArray());
}
