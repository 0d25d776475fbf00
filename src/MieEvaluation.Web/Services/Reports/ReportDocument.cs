using MieEvaluation.Web.Localization;
using MieEvaluation.Web.Services.Exports;

namespace MieEvaluation.Web.Services.Reports;

/// <summary>
/// A report as content, before any format: the title page's lines and a sequence of blocks. The PDF and the Word
/// document are written from the same document (<see cref="PdfReport"/>, <see cref="DocxReport"/>), so they never
/// disagree; the workbook is written from the same tables.
/// </summary>
/// <param name="Title">The report's title: the title page, the document's properties, the file's metadata.</param>
/// <param name="Subtitle">The lines under the title: filters, scope, the data's time.</param>
/// <param name="Blocks">The body, in order.</param>
/// <param name="Language">The document's language (<c>zh-CN</c> or <c>en</c>).</param>
/// <param name="MadeAtUtc">When the data were read: the title page's time and the document's date.</param>
/// <param name="PageLabel">How the footer numbers a page, with {0} the page and {1} the count ("第 {0} 页 / 共 {1} 页").</param>
public sealed record ReportDocument(string Title, IReadOnlyList<string> Subtitle, IReadOnlyList<ReportBlock> Blocks, string Language, DateTime MadeAtUtc,
    string PageLabel)
{
    /// <summary>Every text the document draws, for the PDF's font subset.</summary>
    public IEnumerable<string> Texts()
    {
        IEnumerable<string> Of(ReportBlock block) => block switch
        {
            ReportHeading heading => [heading.Text],
            ReportText text => [text.Text],
            ReportTable table => table.Sheet.Headers.Concat(table.Sheet.Rows.SelectMany(row => row.Select((cell, c) => ReportTable.Shown(cell, table.Sheet.Columns[c])))),
            ReportChart chart => [chart.Title, chart.UnitLine, .. chart.Series.Select(s => s.Label)],
            _ => [],
        };
        return Subtitle.Prepend(Title).Append(PageLabel).Concat(Blocks.SelectMany(Of));
    }
}

/// <summary>One part of a report's body.</summary>
public abstract record ReportBlock;

/// <summary>A section heading (Heading 1 in Word, a bookmark-level heading in the PDF).</summary>
public sealed record ReportHeading(string Text) : ReportBlock;

/// <summary>A paragraph of text.</summary>
public sealed record ReportText(string Text) : ReportBlock;

/// <summary>A table: the workbook sheet's headers and rows, numbers shown as the pages show them.</summary>
public sealed record ReportTable(WorkbookSheet Sheet) : ReportBlock
{
    /// <summary>
    /// A cell as the pages show it: numbers through the one display rounding, with their decimals; a number column
    /// without a figure as "—", as the pages print an undefined figure (its reason is in the row's note).
    /// </summary>
    public static string Shown(ExportCell cell, ExportColumn column) =>
        cell.Number is { } number ? FigureFormat.Value(number, column.Kind == ColumnKind.WholeNumber ? 0 : cell.Decimals)
        : cell.Text ?? (column.Kind == ColumnKind.Text ? "" : FigureFormat.Value(null, 0));
}

/// <summary>A line chart over years: one line per series, gaps where a year has no figure (never drawn as 0).</summary>
/// <param name="Title">The indicator's name, over the chart.</param>
/// <param name="UnitLine">The unit as printed above the plot ("单位：件").</param>
/// <param name="Years">The x axis: every year of the range, in order.</param>
/// <param name="Series">The lines, each with a value per year.</param>
public sealed record ReportChart(string Title, string UnitLine, IReadOnlyList<int> Years, IReadOnlyList<ChartSeries> Series) : ReportBlock;

/// <summary>One line of a chart: its label and a value per year of the chart (null where there is none).</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<decimal?> Values);

/// <summary>A closing section in words: the methods appendix (docs/formulas.md, said for readers).</summary>
public sealed record ReportAppendix(string Heading, IReadOnlyList<string> Paragraphs)
{
    private static readonly string[] MethodKeys =
        ["Scope", "Aggregate", "Cagr", "Panel", "Rounding", "Completeness", "Recurring", "Scores"];

    public static ReportAppendix Methods(Microsoft.Extensions.Localization.IStringLocalizer localizer) =>
        new(localizer["Report.Methods"], [.. MethodKeys.Select(k => localizer[$"Report.Method.{k}"].Value)]);

    public IEnumerable<ReportBlock> Blocks() => Paragraphs.Select(p => (ReportBlock)new ReportText(p)).Prepend(new ReportHeading(Heading));
}

/// <summary>Lines every report and sheet prints alike.</summary>
public static class ReportLines
{
    /// <summary>"数据截至 2026-12-01 18:08（世界协调时）": when the data were read, in UTC.</summary>
    public static string DataAsOf(Microsoft.Extensions.Localization.IStringLocalizer localizer, DateTime madeAtUtc) =>
        localizer["Report.DataAsOf", madeAtUtc.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)];
}
