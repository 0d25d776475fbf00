using System.Globalization;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Domain.Statistics;
using MieEvaluation.Web.Localization;
using MieEvaluation.Web.Services.Evaluation;
using MieEvaluation.Web.Services.Exports;
using MieEvaluation.Web.Services.Figures;
using MieEvaluation.Web.Services.Issues;
using MieEvaluation.Web.Services.Registry;

namespace MieEvaluation.Web.Services.Reports;

/// <summary>What the national report covers: the dashboard's query, its scope, and the filters in words.</summary>
public sealed record ReportRequest(FigureQuery Query, FigureScope Scope, IReadOnlyList<string> FilterWords, RegistryFilter Registry);

/// <summary>What the national report is made of, read once for every format: the dashboard's figures and breakdowns,
/// completeness, the issues, and each scheme's results for the last year.</summary>
public sealed record NationalReportData(
    ReportRequest Request, DateTime MadeAtUtc, NationalFigures National, IReadOnlyList<IndicatorBreakdown> ByRegion, IReadOnlyList<IndicatorBreakdown> ByType,
    Completeness Completeness, IssueSummary Issues, IReadOnlyList<Evaluation.Evaluation> Evaluations)
{
    public IReadOnlyList<int> Years => [.. Enumerable.Range(Request.Query.FromYear, Request.Query.YearCount)];
}

/// <summary>
/// The national report's tables (docs/exports.md) — the growth table (all reporting bases), the balanced panel with the
/// median of the bases' own growth, the breakdowns by region and by type, completeness, the issues by category and
/// region, and each scheme's results — as workbook sheets in the reader's language, with the filters and the data's
/// time on every sheet. The figures are the dashboard's (the same services). The PDF and Word documents set the same
/// tables among their text and charts (<see cref="NationalReport"/>).
/// </summary>
public sealed class NationalWorkbook(FiguresService figures, CompletenessService completeness, IssueSummaryService issues, SchemeStore schemes,
    EvaluationResults results, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    public async Task<NationalReportData> LoadAsync(ReportRequest request, CancellationToken cancellationToken = default)
    {
        var query = request.Query;
        var evaluations = new List<Evaluation.Evaluation>();
        foreach (var scheme in await schemes.LatestAsync(cancellationToken))
        {
            if (await results.ComputeAsync(scheme.Code, query.ToYear, null, cancellationToken) is { } evaluation)
            {
                evaluations.Add(evaluation);
            }
        }

        return new NationalReportData(request, clock.GetUtcNow().UtcDateTime,
            await figures.NationalAsync(query, cancellationToken),
            await figures.BreakdownAsync(query, Breakdown.Region, cancellationToken),
            await figures.BreakdownAsync(query, Breakdown.Type, cancellationToken),
            await completeness.LoadAsync(query.FromYear, query.ToYear, request.Registry, cancellationToken),
            await issues.LoadAsync(new IssueFilter(null, null, query.Regions, null), cancellationToken),
            evaluations);
    }

    /// <summary>The lines above a sheet's table: the report and sheet title, the filters, the data's time.</summary>
    public IReadOnlyList<string> Preamble(NationalReportData data, string sheetTitle) =>
    [
        $"{localizer["Report.NationalTitle"]} · {sheetTitle}",
        $"{localizer["Report.Filters"]}: {string.Join("; ", data.Request.FilterWords)}",
        ReportLines.DataAsOf(localizer, data.MadeAtUtc),
    ];

    public IReadOnlyList<WorkbookSheet> Sheets(NationalReportData data)
    {
        var years = data.Years.ToList();
        IReadOnlyList<string> Preamble(string title) => this.Preamble(data, title);
        var sheets = new List<WorkbookSheet>
        {
            GrowthSheet(localizer["Report.Sheet.Growth"], Preamble, data.National, years, balanced: false),
            GrowthSheet(localizer["Report.Sheet.Balanced"], Preamble, data.National, years, balanced: true),
            BreakdownSheet(localizer["Report.Sheet.ByRegion"], Preamble, data.ByRegion, years, Group),
            BreakdownSheet(localizer["Report.Sheet.ByType"], Preamble, data.ByType, years, Group),
            CompletenessSheet(localizer["Report.Sheet.Completeness"], Preamble, data.Completeness, years),
            IssuesSheet(localizer["Report.Sheet.Issues"], Preamble, data.Issues),
        };
        sheets.AddRange(data.Evaluations.Select(e => ResultsSheet($"{localizer["Report.Sheet.Results"]} {e.Scheme.Scheme.Code}", Preamble, e)));
        return sheets;
    }

    private WorkbookSheet GrowthSheet(string title, Func<string, IReadOnlyList<string>> preamble, NationalFigures national, List<int> years, bool balanced)
    {
        var columns = new List<ExportColumn> { ExportColumn.Text("indicator"), ExportColumn.Text("unit") };
        var headers = new List<string> { localizer["Report.Indicator"], localizer["Report.Unit"] };
        foreach (var year in years)
        {
            columns.AddRange([ExportColumn.Number($"{year}"), ExportColumn.WholeNumber($"n_{year}")]);
            headers.AddRange([year.ToString(CultureInfo.InvariantCulture), $"N {year}"]);
        }

        columns.AddRange([ExportColumn.Number("cagr_percent"), ExportColumn.Text("cagr_note")]);
        headers.AddRange([localizer["Report.CagrPercent"], localizer["Report.Note"]]);
        if (balanced)
        {
            columns.AddRange([ExportColumn.Number("median_percent"), ExportColumn.WholeNumber("median_n")]);
            headers.AddRange([localizer["Report.MedianCagrPercent"], localizer["Report.MedianN"]]);
        }

        var rows = national.Rows.Select(row =>
        {
            var series = balanced ? row.BalancedPanel : row.AllReporting;
            var cells = new List<ExportCell>
            {
                ExportCell.Of(LocalizerExtensions.Pick(row.Indicator.NameZh, row.Indicator.NameEn)),
                ExportCell.Of(LocalizerExtensions.Pick(row.Indicator.UnitZh, row.Indicator.UnitEn)),
            };
            cells.AddRange(series.Yearly.SelectMany(y => new[] { ExportCell.Of(y.Value, row.Indicator.Decimals), ExportCell.Of(y.N) }));
            cells.AddRange([Percentage(series.Cagr.Rate), ExportCell.Of(localizer.Reason(series.Cagr))]);
            if (balanced)
            {
                cells.AddRange([Percentage(series.MedianBaseCagr.Rate), ExportCell.Of(series.MedianBaseCagr.N)]);
            }

            return cells.ToArray();
        }).ToList();
        return new WorkbookSheet(title, preamble(title), columns, headers, rows);
    }

    private WorkbookSheet BreakdownSheet(string title, Func<string, IReadOnlyList<string>> preamble, IReadOnlyList<IndicatorBreakdown> breakdown,
        List<int> years, Func<string, string> groupName)
    {
        var columns = new List<ExportColumn> { ExportColumn.Text("indicator"), ExportColumn.Text("group") };
        var headers = new List<string> { localizer["Report.Indicator"], localizer["Report.Group"] };
        columns.AddRange(years.Select(y => ExportColumn.Number($"{y}")));
        headers.AddRange(years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
        columns.Add(ExportColumn.Number("cagr_percent"));
        headers.Add(localizer["Report.CagrPercent"]);
        var rows = breakdown.SelectMany(b => b.Groups.Select(g =>
        {
            var cells = new List<ExportCell> { ExportCell.Of(LocalizerExtensions.Pick(b.Indicator.NameZh, b.Indicator.NameEn)), ExportCell.Of(groupName(g.Key)) };
            cells.AddRange(years.Select(y => ExportCell.Of(g.Growth.Yearly.FirstOrDefault(v => v.Year == y)?.Value, b.Indicator.Decimals)));
            cells.Add(Percentage(g.Growth.Cagr.Rate));
            return cells.ToArray();
        })).ToList();
        return new WorkbookSheet(title, preamble(title), columns, headers, rows);
    }

    private WorkbookSheet CompletenessSheet(string title, Func<string, IReadOnlyList<string>> preamble, Completeness matrix, List<int> years)
    {
        var columns = new List<ExportColumn> { ExportColumn.Text("code"), ExportColumn.Text("name"), ExportColumn.Text("type"), ExportColumn.Text("region") };
        var headers = new List<string> { localizer["Registry.Code"], localizer["Registry.Name"], localizer["Report.Type"], localizer["Report.Region"] };
        columns.AddRange(years.Select(y => ExportColumn.Text($"{y}")));
        headers.AddRange(years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
        var rows = matrix.Rows.Select(r => new[]
            {
                ExportCell.Of(r.Code), ExportCell.Of(LocalizerExtensions.Pick(r.NameZh, r.NameEn)), ExportCell.Of(localizer.Name(r.Type)), ExportCell.Of(localizer.Name(r.Region)),
            }.Concat(r.Years.Select(s => ExportCell.Of(localizer[$"State.{s}"].Value))).ToArray()).ToList();
        return new WorkbookSheet(title, preamble(title), columns, headers, rows);
    }

    private WorkbookSheet IssuesSheet(string title, Func<string, IReadOnlyList<string>> preamble, IssueSummary summary)
    {
        var regions = Enum.GetValues<Region>();
        var columns = new List<ExportColumn> { ExportColumn.Text("category") };
        var headers = new List<string> { localizer["Report.Category"] };
        columns.AddRange(regions.Select(r => ExportColumn.WholeNumber(r.ToCode())));
        headers.AddRange(regions.Select(r => localizer.Name(r)));
        columns.Add(ExportColumn.WholeNumber("total"));
        headers.Add(localizer["Report.Total"]);
        var rows = summary.Categories.Select(c =>
        {
            var counts = regions.Select(r => summary.ByRegion.Where(x => x.CategoryId == c.Id && x.Region == r).Sum(x => x.Count)).ToList();
            return new[] { ExportCell.Of(LocalizerExtensions.Pick(c.NameZh, c.NameEn)) }.Concat(counts.Select(n => ExportCell.Of(n))).Append(ExportCell.Of(counts.Sum())).ToArray();
        }).ToList();
        return new WorkbookSheet(title, preamble(title), columns, headers, rows);
    }

    private WorkbookSheet ResultsSheet(string title, Func<string, IReadOnlyList<string>> preamble, Evaluation.Evaluation evaluation)
    {
        var scheme = evaluation.Scheme.Scheme;
        var columns = new List<ExportColumn>
        {
            ExportColumn.Text("type"), ExportColumn.WholeNumber("rank"), ExportColumn.Text("code"), ExportColumn.Text("name"), ExportColumn.Number("total"), ExportColumn.Text("grade"),
        };
        var headers = new List<string>
        {
            localizer["Report.Type"], localizer["Evaluation.Rank"], localizer["Registry.Code"], localizer["Registry.Name"], localizer["Evaluation.Total"], localizer["Evaluation.Grade"],
        };
        var rows = evaluation.Results.Bases.Where(b => b.Total is not null).OrderBy(b => b.Type).ThenBy(b => b.Rank)
            .Select(b =>
            {
                var entry = evaluation.BaseOf(b);
                return new[]
                {
                    ExportCell.Of(localizer.Name(b.Type)), ExportCell.Of(b.Rank), ExportCell.Of(b.Code), ExportCell.Of(LocalizerExtensions.Pick(entry.NameZh, entry.NameEn)),
                    ExportCell.Of((decimal)b.Total!.Value, 1),
                    ExportCell.Of(b.Grade is { } g ? LocalizerExtensions.Pick(g.NameZh, g.NameEn) : localizer["Evaluation.NoGrade"].Value),
                };
            }).ToList();
        var lines = preamble(title).Append(
            $"{LocalizerExtensions.Pick(scheme.NameZh, scheme.NameEn)} v{evaluation.Scheme.Version.Version} · {evaluation.Results.Year}" +
            (evaluation.Publication is null ? $" · {localizer["Evaluation.NotPublished"]}" : $" · {localizer["Evaluation.IsPublished"]}")).ToList();
        return new WorkbookSheet(title, lines, columns, headers, rows);
    }

    /// <summary>A growth rate as a percentage number at full precision, shown with one decimal like the dashboard.</summary>
    private static ExportCell Percentage(decimal? rate) => ExportCell.Of(rate * 100m, 1);

    public string Group(string code) =>
        code == FiguresService.CentralAndWest ? localizer["Region.CentralWest"]
        : RegistryCodes.TryParseRegion(code, out var region) ? localizer.Name(region)
        : RegistryCodes.TryParseType(code, out var type) ? localizer.Name(type) : code;
}
