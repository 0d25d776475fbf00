using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MieEvaluation.Web.Services.Exports;

namespace MieEvaluation.Web.Services.Import;

/// <summary>
/// An uploaded table, told apart by its bytes, never by its name: an Excel workbook (a zip package starting with
/// <c>PK\x03\x04</c>; its first sheet is read) or CSV text (<see cref="CsvRows"/>). Both give the same rows, so the
/// preview, the checks and the gate are the same for either.
/// </summary>
public static class TabularFile
{
    /// <summary>
    /// A way to read the file's rows (more than once: the import reads twice when it must name duplicates), or the key
    /// of the message that says why it cannot be read. A workbook is read through once here, so that a broken one is
    /// refused before anything is checked or written.
    /// </summary>
    public static (Func<IEnumerable<CsvRow>>? Rows, TableProblem? Problem) Open(string path)
    {
        if (IsWorkbook(path))
        {
            try
            {
                foreach (var _ in ReadWorkbook(path))
                {
                }

                return (() => ReadWorkbook(path), null);
            }
            catch (TableLimitException ex)
            {
                return (null, ex.Problem);
            }
            catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or IOException or FormatException
                                           or InvalidOperationException or ArgumentException)
            {
                return (null, new TableProblem("Import.BadWorkbook"));
            }
        }

        var (encoding, problem) = CsvRows.Inspect(path);
        return encoding is null ? (null, problem) : (() => CsvRows.Read(path, encoding), null);
    }

    private static bool IsWorkbook(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.Read(head) == 4 && head[0] == 0x50 && head[1] == 0x4B && head[2] == 0x03 && head[3] == 0x04;
    }

    /// <summary>
    /// The first sheet's rows, streamed (a SAX reader: no document tree of the sheet in memory), blank rows left out,
    /// each row as wide as the header. Numbers come as the invariant text of their value (160, 12.5), dates and
    /// booleans as their stored value: what a CSV saved by the same spreadsheet would hold.
    /// </summary>
    private static IEnumerable<CsvRow> ReadWorkbook(string path)
    {
        // A part may not unpack to more than 100 million characters: a small zip must not become gigabytes of XML.
        using var document = SpreadsheetDocument.Open(path, isEditable: false, new OpenSettings { MaxCharactersInPart = 100_000_000 });
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("No workbook part.");
        var first = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("No sheet.");
        var sheet = (WorksheetPart)workbook.GetPartById(first.Id?.Value ?? throw new InvalidDataException("A sheet without id."));
        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];

        using var reader = OpenXmlReader.Create(sheet);
        var width = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var cells = new SortedDictionary<int, string>();
            var next = 0;
            var line = (int)(row.RowIndex?.Value ?? 0);
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
                next = column + 1;
                cells[column] = CellText(cell, shared);
                if (column >= TableLimits.MaxColumns)
                {
                    throw new TableLimitException(new TableProblem("Import.TooManyColumns", line, TableLimits.MaxColumns));
                }

                if (cells[column].Length > TableLimits.MaxCellCharacters)
                {
                    throw new TableLimitException(new TableProblem("Import.CellTooLong", line, TableLimits.MaxCellCharacters));
                }
            }

            if (cells.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (width == 0)
            {
                width = cells.Keys.Max() + 1;
            }

            // Cells beyond the header's width are kept only when they hold something (then the row is reported as ragged).
            var last = Math.Max(width - 1, cells.Where(c => !string.IsNullOrWhiteSpace(c.Value)).Select(c => c.Key).DefaultIfEmpty(0).Max());
            yield return new CsvRow(line, Enumerable.Range(0, last + 1).Select(i => cells.GetValueOrDefault(i, "")).ToArray());
        }
    }

    private static string CellText(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : "";
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        if (type == CellValues.String || type == CellValues.Boolean || type == CellValues.Error || type == CellValues.Date)
        {
            return raw;
        }

        // A number: stored as a double's shortest text (1.6E+2, 0.30000000000000004 never appear from Excel, but may
        // from other writers); given back without exponent so that the value rules read it as typed.
        return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? CsvExport.Number(number) : raw;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var ch in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(ch) - 'A' + 1);
        }

        return index - 1;
    }
}

/// <summary>A workbook row beyond <see cref="TableLimits"/>, found while the workbook is read through.</summary>
internal sealed class TableLimitException(TableProblem problem) : Exception(problem.Key)
{
    public TableProblem Problem { get; } = problem;
}
