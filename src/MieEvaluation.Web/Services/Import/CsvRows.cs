using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace MieEvaluation.Web.Services.Import;

/// <summary>One data row of a CSV file: its line number in the file and its fields as text.</summary>
public sealed record CsvRow(int Line, string[] Fields);

/// <summary>
/// How large one row of an uploaded table may be, checked before anything is parsed, so that a file of one endless line
/// or cell cannot make the parser hold it in memory: a line of at most 100,000 characters, at most 300 columns, a cell
/// of at most 10,000 characters (a comment may have 2,000).
/// </summary>
public static class TableLimits
{
    public const int MaxLineCharacters = 100_000;

    public const int MaxColumns = 300;

    public const int MaxCellCharacters = 10_000;
}

/// <summary>Why a table cannot be read: the key of its message, and for a limit the line (from 1) and the limit.</summary>
public sealed record TableProblem(string Key, int Line = 0, int Limit = 0);

/// <summary>
/// Reads a CSV file row by row (streamed: never the whole file in memory) in the encoding it was saved in: UTF-8 with
/// or without BOM, or GB18030/GBK, which Chinese Excel writes. Anything that is neither is refused up front.
/// </summary>
public static class CsvRows
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static CsvRows() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// The file's encoding, or why it cannot be read: neither valid UTF-8 nor valid GB18030, or a line beyond
    /// <see cref="TableLimits"/> (found in the same pass through the file).
    /// </summary>
    public static (Encoding? Encoding, TableProblem? Problem) Inspect(string path)
    {
        var gb18030 = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        foreach (var encoding in new[] { StrictUtf8, gb18030 })
        {
            if (Scan(path, encoding) is { } scanned)
            {
                return scanned.Key.Length > 0 ? (null, scanned) : (encoding, null);
            }
        }

        return (null, new TableProblem("Import.BadEncoding"));
    }

    /// <summary>The header and the data rows; blank lines are skipped, line numbers count from 1 with the header.</summary>
    public static IEnumerable<CsvRow> Read(string path, Encoding encoding)
    {
        // The byte order mark is skipped by the reader, before parsing: left in, it would stand before a quoted first
        // header field ("\uFEFF\"base_code\"", what LibreOffice writes) and keep its quotes.
        using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = true,
            DetectDelimiter = false,
        };
        using var csv = new CsvReader(reader, configuration);
        while (csv.Read())
        {
            yield return new CsvRow(csv.Parser.RawRow, csv.Parser.Record ?? []);
        }
    }

    /// <summary>
    /// Reads the file through once in <paramref name="encoding"/>: null when it does not decode; otherwise a problem with
    /// an empty key when every line and cell is within <see cref="TableLimits"/>, or the first line beyond them. Commas
    /// and line breaks inside quotes break nothing (a doubled quote toggles twice, so the count stays right); a cell's
    /// quotes count as its characters, a little stricter than the cell's text.
    /// </summary>
    private static TableProblem? Scan(string path, Encoding encoding)
    {
        try
        {
            using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: false);
            var buffer = new char[16384];
            var (line, length, columns, cell, quoted) = (1, 0, 1, 0, false);
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                foreach (var ch in buffer.AsSpan(0, read))
                {
                    if (ch == '\n')
                    {
                        (line, length) = (line + 1, 0);
                        (columns, cell) = quoted ? (columns, cell) : (1, 0);
                        continue;
                    }

                    quoted ^= ch == '"';
                    var breaksCell = ch == ',' && !quoted;
                    (columns, cell) = breaksCell ? (columns + 1, 0) : (columns, cell + 1);
                    if (cell > TableLimits.MaxCellCharacters)
                    {
                        return new TableProblem("Import.CellTooLong", line, TableLimits.MaxCellCharacters);
                    }

                    if (++length > TableLimits.MaxLineCharacters)
                    {
                        return new TableProblem("Import.LineTooLong", line, TableLimits.MaxLineCharacters);
                    }

                    if (columns > TableLimits.MaxColumns)
                    {
                        return new TableProblem("Import.TooManyColumns", line, TableLimits.MaxColumns);
                    }
                }
            }

            return new TableProblem("");
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
