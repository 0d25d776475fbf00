using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MieEvaluation.Web.Localization;
using MieEvaluation.Web.Services.Exports;

namespace MieEvaluation.Web.Services.Reports;

/// <summary>
/// The national report as an editable Word document (docs/exports.md): A4, a title and the filters, one heading and one
/// real Word table per table of the report (the workbook's sheets: the same content), the header row repeated after a
/// page break, page numbers in the footer, and the document's title and date in its properties. Fonts are named as a
/// ministry's documents use them — 黑体 for headings, 宋体 for text — with Latin fallbacks.
/// </summary>
public static class DocxReport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(string title, IReadOnlyList<string> subtitle, IReadOnlyList<WorkbookSheet> tables, ReportAppendix methods, string language,
        DateTime madeAtUtc)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = title;
            document.PackageProperties.Created = madeAtUtc;
            document.PackageProperties.Language = language;
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(language);
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new Paragraph(
                new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new SimpleField { Instruction = "PAGE" }));

            var body = new Body();
            body.Append(Paragraph(title, "Title"));
            foreach (var line in subtitle)
            {
                body.Append(Paragraph(line, "Subtitle"));
            }

            foreach (var table in tables)
            {
                body.Append(Paragraph(table.Name, "Heading1"));
                // The sheet's own lines after its title (filters and time are the document's; a scheme's line is its own).
                foreach (var line in table.Preamble.Skip(3))
                {
                    body.Append(Paragraph(line, null));
                }

                body.Append(Table(table));
            }

            body.Append(Paragraph(methods.Heading, "Heading1"));
            foreach (var paragraph in methods.Paragraphs)
            {
                body.Append(Paragraph(paragraph, null));
            }

            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 11906, Height = 16838 }, // A4 in twentieths of a point
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1247, Right = 1247, Header = 720, Footer = 720, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, string? style)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static Table Table(WorkbookSheet sheet)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableLayout { Type = TableLayoutValues.Autofit }));
        // Word needs the grid; equal columns over the text width (A4 less the margins), which autofit then adjusts.
        var width = (11906 - (2 * 1247)) / Math.Max(1, sheet.Headers.Count);
        table.Append(new TableGrid(sheet.Headers.Select(_ => new GridColumn { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        foreach (var text in sheet.Headers)
        {
            header.Append(Cell(text, bold: true, right: false));
        }

        table.Append(header);
        foreach (var row in sheet.Rows)
        {
            var tableRow = new TableRow(new TableRowProperties(new CantSplit()));
            for (var c = 0; c < sheet.Headers.Count; c++)
            {
                var cell = c < row.Length ? row[c] : ExportCell.Empty;
                tableRow.Append(Cell(Shown(cell, sheet.Columns[c]), bold: false, right: cell.Number is not null));
            }

            table.Append(tableRow);
        }

        return table;
    }

    /// <summary>A cell as the pages show it: numbers through the one display rounding, with their decimals.</summary>
    private static string Shown(ExportCell cell, ExportColumn column) =>
        cell.Number is { } number ? FigureFormat.Value(number, column.Kind == ColumnKind.WholeNumber ? 0 : cell.Decimals) : cell.Text ?? "";

    private static TableCell Cell(string text, bool bold, bool right)
    {
        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold)
        {
            run.PrependChild(new RunProperties(new Bold()));
        }

        return new TableCell(new Paragraph(
            new ParagraphProperties(new Justification { Val = right ? JustificationValues.Right : JustificationValues.Left }, new SpacingBetweenLines { After = "0" }),
            run));
    }

    private static Styles Styles(string language)
    {
        static Style Paragraph(string id, string name, string eastAsia, string size, bool bold, string? basedOn = "Normal", bool heading = false)
        {
            var properties = new StyleRunProperties(
                new RunFonts { Ascii = "Arial", HighAnsi = "Arial", EastAsia = eastAsia },
                new FontSize { Val = size });
            if (bold)
            {
                properties.Append(new Bold());
            }

            var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
            if (basedOn is not null)
            {
                style.Append(new BasedOn { Val = basedOn });
            }

            style.Append(new PrimaryStyle());
            if (heading)
            {
                style.Append(new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = 0 }));
            }

            style.Append(properties);
            return style;
        }

        var normal = Paragraph("Normal", "Normal", "SimSun", "21", bold: false, basedOn: null);
        normal.Default = true;
        return new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new Languages { Val = language, EastAsia = "zh-CN" }))),
            normal,
            Paragraph("Title", "Title", "SimHei", "36", bold: true),
            Paragraph("Subtitle", "Subtitle", "SimSun", "21", bold: false),
            Paragraph("Heading1", "heading 1", "SimHei", "28", bold: true, heading: true),
            new Style(new StyleName { Val = "Table Grid" }, new BasedOn { Val = "TableNormal" },
                new StyleTableProperties(new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })))
            { Type = StyleValues.Table, StyleId = "TableGrid" });
    }
}

/// <summary>A closing section in words: the methods appendix (docs/formulas.md, said for readers).</summary>
public sealed record ReportAppendix(string Heading, IReadOnlyList<string> Paragraphs)
{
    private static readonly string[] MethodKeys =
        ["Scope", "Aggregate", "Cagr", "Panel", "Rounding", "Completeness", "Scores"];

    public static ReportAppendix Methods(Microsoft.Extensions.Localization.IStringLocalizer localizer) =>
        new(localizer["Report.Methods"], [.. MethodKeys.Select(k => localizer[$"Report.Method.{k}"].Value)]);
}
