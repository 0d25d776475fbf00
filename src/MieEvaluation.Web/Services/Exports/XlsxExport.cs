using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace MieEvaluation.Web.Services.Exports;

/// <summary>
/// Writes an <see cref="ExportTable"/> as an Excel workbook (docs/decisions/0017): codes and names as text cells (never
/// read as numbers or dates, never run as formulas), numbers as numbers shown with their decimals, a frozen header,
/// columns wide enough for Chinese text, and a second sheet with the filters and the time the data were read. The
/// sheet is streamed (OpenXmlWriter), so a large export does not build a document tree in memory.
/// </summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const int MaxDecimals = 6;
    private const uint HeaderStyle = 1;
    private const uint TextStyle = 2;
    private const uint FirstNumberStyle = 3; // + decimals

    public static byte[] Write(ExportTable table, string aboutTitle)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();

            var data = workbook.AddNewPart<WorksheetPart>();
            WriteSheet(data, table.Columns.Select(c => c.Name).ToList(), table.Rows, table.Columns);

            var about = workbook.AddNewPart<WorksheetPart>();
            var aboutRows = table.Filters.Select(f => new[] { ExportCell.Of(f.Key), ExportCell.Of(f.Value) })
                .Append([ExportCell.Of("made_at_utc"), ExportCell.Of(table.MadeAtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))])
                .Append([ExportCell.Of("rows"), ExportCell.Of(table.Rows.Count)])
                .ToList();
            WriteSheet(about, ["parameter", "value"], aboutRows, [ExportColumn.Text("parameter"), ExportColumn.Text("value")]);

            workbook.Workbook.AppendChild(new Sheets(
                new Sheet { Id = workbook.GetIdOfPart(data), SheetId = 1, Name = SheetName(table.Kind) },
                new Sheet { Id = workbook.GetIdOfPart(about), SheetId = 2, Name = SheetName(aboutTitle) }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A workbook of several tables (the national report's): each sheet opens with its title, its filters and the time
    /// the data were read, then the table under a frozen header.
    /// </summary>
    public static byte[] WriteWorkbook(IReadOnlyList<WorkbookSheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var list = new Sheets();
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                WriteSheet(part, [.. sheet.Headers], sheet.Rows, sheet.Columns, sheet.Preamble);
                list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = SheetName(sheet.Name) });
            }

            workbook.Workbook.AppendChild(list);
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static void WriteSheet(WorksheetPart part, List<string> header, IReadOnlyList<ExportCell[]> rows, IReadOnlyList<ExportColumn> columns,
        IReadOnlyList<string>? preamble = null)
    {
        // Lines above the table (title, filters, time), a blank row, then the header, which stays in view.
        var lines = preamble ?? [];
        var headerRow = lines.Count == 0 ? 1u : (uint)lines.Count + 2;
        var firstData = $"A{headerRow + 1}";
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = headerRow, TopLeftCell = firstData, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = firstData, SequenceOfReferences = new ListValue<StringValue> { InnerText = firstData } })
        { WorkbookViewId = 0 }));

        var widths = new Columns();
        for (var c = 0; c < header.Count; c++)
        {
            var width = rows.Take(2000).Select(r => c < r.Length ? DisplayWidth(r[c]) : 0).Append(DisplayWidth(ExportCell.Of(header[c]))).Max();
            widths.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = Math.Clamp(width + 2, 6, 60), CustomWidth = true });
        }

        writer.WriteElement(widths);
        writer.WriteStartElement(new SheetData());
        for (var l = 0; l < lines.Count; l++)
        {
            WriteRow(writer, (uint)(l + 1), [ExportCell.Of(lines[l])], [ExportColumn.Text("")], isHeader: l == 0);
        }

        WriteRow(writer, headerRow, header.Select(ExportCell.Of).ToArray(), columns, isHeader: true);
        for (var r = 0; r < rows.Count; r++)
        {
            WriteRow(writer, headerRow + 1 + (uint)r, rows[r], columns, isHeader: false);
        }

        writer.WriteEndElement(); // sheetData
        writer.WriteEndElement(); // worksheet
    }

    private static void WriteRow(OpenXmlWriter writer, uint index, ExportCell[] cells, IReadOnlyList<ExportColumn> columns, bool isHeader)
    {
        writer.WriteStartElement(new Row { RowIndex = index });
        for (var c = 0; c < cells.Length; c++)
        {
            var cell = cells[c];
            var reference = ColumnName(c) + index.ToString(CultureInfo.InvariantCulture);
            if (cell.Number is { } number && !isHeader)
            {
                writer.WriteElement(new Cell
                {
                    CellReference = reference, DataType = CellValues.Number, StyleIndex = FirstNumberStyle + (uint)Math.Clamp(cell.Decimals, 0, MaxDecimals),
                    CellValue = new CellValue(CsvExport.Number(number)),
                });
            }
            else if (!string.IsNullOrEmpty(cell.Text))
            {
                // Inline strings: a text cell stays text whatever it looks like (16C01, 2024-01, =SUM…).
                writer.WriteElement(new Cell
                {
                    CellReference = reference, DataType = CellValues.InlineString, StyleIndex = isHeader ? HeaderStyle : TextStyle,
                    InlineString = new InlineString(new Text(XmlSafe(cell.Text)) { Space = SpaceProcessingModeValues.Preserve }),
                });
            }
            else if (!isHeader && c < columns.Count && columns[c].Kind == ColumnKind.Text)
            {
                writer.WriteElement(new Cell { CellReference = reference, StyleIndex = TextStyle });
            }
        }

        writer.WriteEndElement();
    }

    /// <summary>Fonts, fills and borders as Excel requires them; cell formats: default, bold header, text (@), numbers with 0–6 decimals.</summary>
    private static Stylesheet Styles()
    {
        var formats = new NumberingFormats();
        var cellFormats = new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true, NumberFormatId = 49, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true });
        for (var d = 0; d <= MaxDecimals; d++)
        {
            var id = (uint)(164 + d);
            formats.Append(new NumberingFormat { NumberFormatId = id, FormatCode = d == 0 ? "0" : "0." + new string('0', d) });
            cellFormats.Append(new CellFormat { NumberFormatId = id, ApplyNumberFormat = true });
        }

        formats.Count = (uint)formats.ChildElements.Count;
        cellFormats.Count = (uint)cellFormats.ChildElements.Count;
        return new Stylesheet(
            formats,
            new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            cellFormats);
    }

    /// <summary>Characters as wide as they print: a Chinese character takes two columns of Excel's width unit.</summary>
    private static int DisplayWidth(ExportCell cell)
    {
        var text = cell.Number is { } n ? CsvExport.Number(n) : cell.Text ?? "";
        return text.Sum(ch => ch >= 0x2E80 ? 2 : 1);
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + ((i - 1) % 26)) + name;
        }

        return name;
    }

    private static string SheetName(string name) => new(name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).Take(31).ToArray());

    /// <summary>XML 1.0 has no place for control characters other than tab and line breaks; they are dropped.</summary>
    private static string XmlSafe(string text) =>
        text.Any(ch => ch < ' ' && ch is not ('\t' or '\n' or '\r')) ? new string(text.Where(ch => ch >= ' ' || ch is '\t' or '\n' or '\r').ToArray()) : text;
}

/// <summary>One sheet of a report workbook: its name, the lines above the table, and the table with its headers as shown.</summary>
public sealed record WorkbookSheet(string Name, IReadOnlyList<string> Preamble, IReadOnlyList<ExportColumn> Columns, IReadOnlyList<string> Headers,
    IReadOnlyList<ExportCell[]> Rows);
