using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using Dw = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using MieEvaluation.Web.Localization;
using MieEvaluation.Web.Services.Exports;

namespace MieEvaluation.Web.Services.Reports;

/// <summary>
/// A report as an editable Word document (docs/exports.md), from the same <see cref="ReportDocument"/> as the PDF:
/// A4, a title page, Heading 1 per section, real Word tables whose header row repeats after a page break, charts as
/// high-resolution pictures, "page n of N" as Word fields in the footer, and the title and date in its properties. Fonts are named as a
/// ministry's documents use them — 黑体 for headings, 宋体 for text — with Latin fallbacks.
/// </summary>
public static class DocxReport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>A chart's size on the page in points (the text width of A4 less the margins), drawn at 3 pixels per point.</summary>
    private const int ChartWidth = 450, ChartHeight = 250;
    private const float ChartScale = 3;
    private const long EmuPerPoint = 12700;

    /// <summary>The report as .docx bytes; charts are drawn with the report font (<see cref="ReportFonts"/>), null without one.</summary>
    public static byte[]? Write(ReportDocument report, ReportFonts fonts)
    {
        if (report.Blocks.Any(b => b is ReportChart) && fonts.Whole is null)
        {
            return null;
        }

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = report.Title;
            document.PackageProperties.Created = report.MadeAtUtc;
            document.PackageProperties.Creator = "MieEvaluation";
            document.PackageProperties.Language = report.Language;
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(report.Language);
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(PageNumbers(report.PageLabel));

            var body = new Body();
            body.Append(Paragraph(report.Title, "Title"));
            foreach (var line in report.Subtitle)
            {
                body.Append(Paragraph(line, "Subtitle"));
            }

            body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
            uint pictures = 0;
            var footerId = main.GetIdOfPart(footer);
            var landscape = false;
            var blocks = report.Blocks;
            for (var i = 0; i < blocks.Count; i++)
            {
                // A section whose table is too wide for portrait is set on landscape pages: Word keeps a section's
                // page setup in the paragraph that ends it.
                if (blocks[i] is ReportHeading && WideSection(blocks, i) is { } wide && wide != landscape)
                {
                    body.Append(new Paragraph(new ParagraphProperties(Section(landscape, footerId))));
                    landscape = wide;
                }

                body.Append(blocks[i] switch
                {
                    ReportHeading heading => Paragraph(heading.Text, "Heading1"),
                    ReportText text => Paragraph(text.Text, null),
                    ReportTable table => Table(table.Sheet, landscape),
                    ReportChart chart => Picture(main, chart, fonts.Whole!, ++pictures),
                    _ => throw new InvalidOperationException(blocks[i].GetType().Name),
                });
            }

            body.Append(Section(landscape, footerId));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>More columns than a portrait page takes at a legible size: the growth table over many years, say.</summary>
    private const int PortraitColumns = 12;

    private static bool? WideSection(IReadOnlyList<ReportBlock> blocks, int heading) =>
        blocks.Skip(heading + 1).SkipWhile(b => b is ReportText).FirstOrDefault() switch
        {
            ReportTable table => table.Sheet.Headers.Count > PortraitColumns,
            ReportChart => false,
            _ => null,
        };

    /// <summary>A section's page setup: A4 (in twentieths of a point), portrait or landscape, with the page numbers' footer.</summary>
    private static SectionProperties Section(bool landscape, string footerId) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
        landscape
            ? new PageSize { Width = A4Long, Height = A4Short, Orient = PageOrientationValues.Landscape }
            : new PageSize { Width = A4Short, Height = A4Long },
        new PageMargin { Top = 1440, Bottom = 1440, Left = (uint)Margin, Right = (uint)Margin, Header = 720, Footer = 720, Gutter = 0 });

    private const int A4Short = 11906, A4Long = 16838, Margin = 1247;

    /// <summary>
    /// Column widths (twentieths of a point) over the text width: each column in proportion to its longest line, a
    /// Chinese character counting twice a Latin one, a text column at least four characters and at most twenty-four
    /// wide (it wraps), a number column never narrower than its widest figure (figures never wrap).
    /// </summary>
    private static int[] ColumnWidths(WorkbookSheet sheet, int textWidth)
    {
        static int Width(string text) => text.Sum(c => c is >= '\u2E80' and <= '\uFFEF' ? 2 : 1);
        var weights = sheet.Columns.Select((column, c) =>
        {
            var cells = sheet.Rows.Select(r => c < r.Length ? ReportTable.Shown(r[c], column) : "").ToList();
            var header = sheet.Headers[c].Split(' ').Max(Width);
            return column.Kind == ColumnKind.Text
                ? Math.Clamp(Math.Max(header, cells.Select(Width).DefaultIfEmpty(0).Max()), 4, 24)
                : Math.Max(Math.Max(header, 3), cells.Select(Width).DefaultIfEmpty(0).Max()) + 1;
        }).ToList();
        var total = Math.Max(1, weights.Sum());
        return [.. weights.Select(w => textWidth * w / total)];
    }

    /// <summary>"第 {0} 页 / 共 {1} 页" as Word fields: PAGE for {0}, NUMPAGES for {1}, so Word counts after any edit.</summary>
    private static Paragraph PageNumbers(string label)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        var parts = label.Split(["{0}", "{1}"], StringSplitOptions.None);
        var fields = new[] { "PAGE", "NUMPAGES" };
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length > 0)
            {
                paragraph.Append(new Run(new Text(parts[i]) { Space = SpaceProcessingModeValues.Preserve }));
            }

            if (i < parts.Length - 1)
            {
                var field = label.IndexOf("{0}", StringComparison.Ordinal) < label.IndexOf("{1}", StringComparison.Ordinal) ? fields[i] : fields[1 - i];
                paragraph.Append(new SimpleField(new Run(new Text("1"))) { Instruction = field });
            }
        }

        return paragraph;
    }

    /// <summary>A chart as an inline PNG (an inline picture never splits across pages), described by its title.</summary>
    private static Paragraph Picture(MainDocumentPart main, ReportChart chart, SkiaSharp.SKTypeface typeface, uint number)
    {
        var image = main.AddImagePart(ImagePartType.Png);
        using (var png = new MemoryStream(ReportCharts.Png(chart, typeface, ChartWidth, ChartHeight, ChartScale)))
        {
            image.FeedData(png);
        }

        var (cx, cy) = (ChartWidth * EmuPerPoint, ChartHeight * EmuPerPoint);
        var picture = new Pic.Picture(
            new Pic.NonVisualPictureProperties(new Pic.NonVisualDrawingProperties { Id = 0, Name = $"chart{number}.png" }, new Pic.NonVisualPictureDrawingProperties()),
            new Pic.BlipFill(new A.Blip { Embed = main.GetIdOfPart(image) }, new A.Stretch(new A.FillRectangle())),
            new Pic.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
        var inline = new Dw.Inline(
            new Dw.Extent { Cx = cx, Cy = cy },
            new Dw.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new Dw.DocProperties { Id = number, Name = $"Chart {number}", Description = chart.Title },
            new Dw.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0,
        };
        return new Paragraph(new ParagraphProperties(new KeepLines(), new Justification { Val = JustificationValues.Center }), new Run(new Drawing(inline)));
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

    private static Table Table(WorkbookSheet sheet, bool landscape)
    {
        var widths = ColumnWidths(sheet, (landscape ? A4Long : A4Short) - (2 * Margin));
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Type = TableWidthUnitValues.Dxa, Width = $"{widths.Sum()}" },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa })));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = $"{w}" })));
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
                tableRow.Append(Cell(ReportTable.Shown(cell, sheet.Columns[c]), bold: false, right: cell.Number is not null));
            }

            table.Append(tableRow);
        }

        return table;
    }

    private static TableCell Cell(string text, bool bold, bool right)
    {
        // Tables are set at 8 pt (as the PDF's), so that a growth table over many years stays legible on one page width.
        var properties = new RunProperties(new FontSize { Val = "16" });
        if (bold)
        {
            properties.PrependChild(new Bold());
        }

        var run = new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });

        return new TableCell(new Paragraph(
            new ParagraphProperties(new Justification { Val = right ? JustificationValues.Right : JustificationValues.Left }, new SpacingBetweenLines { After = "0" }),
            run));
    }

    private static Styles Styles(string language)
    {
        static Style Paragraph(string id, string name, string eastAsia, string size, bool bold, string? basedOn = "Normal", bool heading = false,
            string? titleSpace = null)
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
            if (titleSpace is not null)
            {
                // The title page: centred, the title a third of the way down.
                style.Append(new StyleParagraphProperties(new SpacingBetweenLines { Before = titleSpace, After = "240" }, new Justification { Val = JustificationValues.Center }));
            }

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
            Paragraph("Title", "Title", "SimHei", "36", bold: true, titleSpace: "4800"),
            Paragraph("Subtitle", "Subtitle", "SimSun", "21", bold: false, titleSpace: "0"),
            Paragraph("Heading1", "heading 1", "SimHei", "28", bold: true, heading: true),
            new Style(new StyleName { Val = "Table Grid" }, new BasedOn { Val = "TableNormal" },
                new StyleTableProperties(new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })))
            { Type = StyleValues.Table, StyleId = "TableGrid" });
    }
}
