using System.Globalization;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Issues;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Localization;
using MieEvaluation.Web.Services.Exports;
using MieEvaluation.Web.Services.Figures;

namespace MieEvaluation.Web.Services.Reports;

/// <summary>
/// The national report as the office circulates it (docs/exports.md): a title page; the table of averages with their
/// growth and N; trend charts (all bases, East, central-and-western); the balanced panel; the breakdowns; the issues
/// found — counts, recurring ones, selected texts —; completeness; each scheme's results by type with the grade
/// distribution; and the methods in words. The tables are the workbook's (<see cref="NationalWorkbook"/>).
/// </summary>
public sealed class NationalReport(NationalWorkbook workbook, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>How many texts of serious issues are quoted per category.</summary>
    public const int SelectedTextsPerCategory = 3;

    public ReportDocument Document(NationalReportData data, IReadOnlyList<WorkbookSheet> sheets)
    {
        var sheetsByTitle = sheets.ToDictionary(s => s.Name);
        WorkbookSheet Sheet(string key) => sheetsByTitle[localizer[key]];
        var blocks = new List<ReportBlock>();
        void Section(string heading, string? lead, params ReportBlock[] content)
        {
            blocks.Add(new ReportHeading(heading));
            if (lead is not null)
            {
                blocks.Add(new ReportText(lead));
            }

            blocks.AddRange(content);
        }

        Section(localizer["Report.Sheet.Growth"], localizer["Report.Lead.Growth"], new ReportTable(Sheet("Report.Sheet.Growth")));
        Section(localizer["Report.Trends"], localizer["Report.Lead.Trends"], [.. TrendCharts(data)]);
        Section(localizer["Report.Sheet.Balanced"], localizer["Report.Lead.Balanced"], new ReportTable(Sheet("Report.Sheet.Balanced")));
        Section(localizer["Report.Sheet.ByRegion"], localizer["Report.Lead.ByRegion"], new ReportTable(Sheet("Report.Sheet.ByRegion")));
        Section(localizer["Report.Sheet.ByType"], null, new ReportTable(Sheet("Report.Sheet.ByType")));
        Section(localizer["Report.Sheet.Issues"], localizer["Report.Lead.Issues", data.Issues.Issues.Count], new ReportTable(Sheet("Report.Sheet.Issues")));
        blocks.AddRange(RecurringIssues(data));
        blocks.AddRange(SelectedTexts(data));
        Section(localizer["Report.Sheet.Completeness"], localizer["Report.Lead.Completeness"], new ReportTable(Sheet("Report.Sheet.Completeness")));
        foreach (var evaluation in data.Evaluations)
        {
            var sheet = sheets.Single(s => s.Name == $"{localizer["Report.Sheet.Results"]} {evaluation.Scheme.Scheme.Code}");
            Section(sheet.Name, sheet.Preamble[^1], new ReportTable(GradeDistribution(evaluation, sheet.Preamble)), new ReportTable(sheet));
        }

        blocks.AddRange(ReportAppendix.Methods(localizer).Blocks());
        return new ReportDocument(localizer["Report.NationalTitle"], Subtitle(data), blocks, CultureInfo.CurrentUICulture.Name, data.MadeAtUtc,
            localizer["Report.PageLabel"]);
    }

    public IReadOnlyList<string> Subtitle(NationalReportData data) =>
    [
        $"{data.Request.Query.FromYear}–{data.Request.Query.ToYear}",
        .. workbook.Preamble(data, "").Skip(1),
    ];

    /// <summary>One chart per indicator: the mean over all reporting bases, the East and the central-and-western bases.</summary>
    private IEnumerable<ReportBlock> TrendCharts(NationalReportData data)
    {
        var years = data.Years;
        foreach (var row in data.National.Rows)
        {
            var groups = data.ByRegion.Single(b => b.Indicator.Id == row.Indicator.Id).Groups;
            IReadOnlyList<decimal?> Of(Domain.Statistics.SeriesGrowth growth) => [.. years.Select(y => growth.Yearly.FirstOrDefault(v => v.Year == y)?.Value)];
            var series = new List<ChartSeries> { new(localizer["Report.Series.AllBases"], Of(row.AllReporting)) };
            foreach (var (key, label) in new[] { (Region.East.ToCode(), localizer.Name(Region.East)), (FiguresService.CentralAndWest, localizer["Region.CentralWest"].Value) })
            {
                if (groups.FirstOrDefault(g => g.Key == key) is { } group)
                {
                    series.Add(new ChartSeries(label, Of(group.Growth)));
                }
            }

            yield return new ReportChart(LocalizerExtensions.Pick(row.Indicator.NameZh, row.Indicator.NameEn),
                localizer["Report.UnitLine", LocalizerExtensions.Pick(row.Indicator.UnitZh, row.Indicator.UnitEn)], years, series);
        }
    }

    private IEnumerable<ReportBlock> RecurringIssues(NationalReportData data)
    {
        yield return new ReportHeading(localizer["Report.RecurringIssues"]);
        if (data.Issues.Recurring.Count == 0)
        {
            yield return new ReportText(localizer["Report.NoRecurringIssues"]);
            yield break;
        }

        yield return new ReportText(localizer["Report.Lead.Recurring"]);
        IReadOnlyList<ExportColumn> columns = [ExportColumn.Text("code"), ExportColumn.Text("name"), ExportColumn.Text("category"), ExportColumn.Text("years")];
        var rows = data.Issues.Recurring.Select(r => new[]
        {
            ExportCell.Of(r.BaseCode), ExportCell.Of(LocalizerExtensions.Pick(r.BaseZh, r.BaseEn)), ExportCell.Of(LocalizerExtensions.Pick(r.CategoryZh, r.CategoryEn)),
            ExportCell.Of(string.Join(", ", r.Years)),
        }).ToList();
        yield return new ReportTable(new WorkbookSheet(localizer["Report.RecurringIssues"], [], columns,
            [localizer["Registry.Code"], localizer["Registry.Name"], localizer["Report.Category"], localizer["Report.Years"]], rows));
    }

    /// <summary>The texts of the serious issues, the newest first, a few per category: what the report quotes.</summary>
    private IEnumerable<ReportBlock> SelectedTexts(NationalReportData data)
    {
        yield return new ReportHeading(localizer["Report.SelectedTexts"]);
        var serious = data.Issues.Issues.Where(i => i.Severity == IssueSeverity.High).ToList();
        if (serious.Count == 0)
        {
            yield return new ReportText(localizer["Report.NoSeriousIssues"]);
            yield break;
        }

        yield return new ReportText(localizer["Report.Lead.Selected", SelectedTextsPerCategory]);
        foreach (var category in data.Issues.Categories)
        {
            foreach (var issue in serious.Where(i => i.CategoryId == category.Id).Take(SelectedTextsPerCategory))
            {
                yield return new ReportText(
                    $"【{LocalizerExtensions.Pick(issue.CategoryZh, issue.CategoryEn)}】{issue.BaseCode} {LocalizerExtensions.Pick(issue.BaseZh, issue.BaseEn)}, {issue.Year}: {issue.Text}");
            }
        }
    }

    /// <summary>How many bases of each type got each grade (and how many have no total), under one scheme.</summary>
    private WorkbookSheet GradeDistribution(Evaluation.Evaluation evaluation, IReadOnlyList<string> preamble)
    {
        var grades = evaluation.Scheme.Scheme.Grades;
        var columns = new List<ExportColumn> { ExportColumn.Text("type") };
        var headers = new List<string> { localizer["Report.Type"] };
        columns.AddRange(grades.Select(g => ExportColumn.WholeNumber(g.Code)));
        headers.AddRange(grades.Select(g => LocalizerExtensions.Pick(g.NameZh, g.NameEn)));
        columns.AddRange([ExportColumn.WholeNumber("no_grade"), ExportColumn.WholeNumber("total")]);
        headers.AddRange([localizer["Evaluation.NoGrade"], localizer["Report.Total"]]);
        var rows = evaluation.Results.Bases.GroupBy(b => b.Type).OrderBy(g => g.Key).Select(type =>
            new[] { ExportCell.Of(localizer.Name(type.Key)) }
                .Concat(grades.Select(g => ExportCell.Of(type.Count(b => b.Grade?.Code == g.Code))))
                .Append(ExportCell.Of(type.Count(b => b.Grade is null)))
                .Append(ExportCell.Of(type.Count()))
                .ToArray()).ToList();
        return new WorkbookSheet(localizer["Report.GradeDistribution"], preamble, columns, headers, rows);
    }
}
