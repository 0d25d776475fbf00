using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace MieEvaluation.Web.Services.Import;

/// <summary>One data row of a CSV file: its line number in the file and its fields as text.</summary>
public sealed record CsvRow(int Line, string[] Fields);

/// <summary>
/// Reads a CSV file row by row (streamed: never the whole file in memory) in the encoding it was saved in: UTF-8 with
/// or without BOM, or GB18030/GBK, which Chinese Excel writes. Anything that is neither is refused up front.
/// </summary>
public static class CsvRows
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static CsvRows() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The file's encoding, or null when it is neither valid UTF-8 nor valid GB18030.</summary>
    public static Encoding? DetectEncoding(string path)
    {
        if (Decodes(path, StrictUtf8))
        {
            return StrictUtf8;
        }

        var gb18030 = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        return Decodes(path, gb18030) ? gb18030 : null;
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

    private static bool Decodes(string path, Encoding encoding)
    {
        try
        {
            using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: false);
            var buffer = new char[16384];
            while (reader.Read(buffer, 0, buffer.Length) > 0)
            {
            }

            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
