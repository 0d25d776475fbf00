using System.Globalization;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Scoring;
using MieEvaluation.Web.Localization;
using MieEvaluation.Web.Services.Evaluation;
using MieEvaluation.Web.Services.Exports;
using MieEvaluation.Web.Services.Registry;

namespace MieEvaluation.Web.Services.Reports;

/// <summary>A base's result under one scheme in the base page's last year, against the medians of its type.</summary>
public sealed record BaseScores(Evaluation.Evaluation Evaluation, BaseAgainstPeers Comparison);

/// <summary>What a base's report is made of: its page (values, standing, means, issues) and its scores under each scheme.</summary>
public sealed record BaseReportData(BasePage Page, IReadOnlyList<BaseScores> Scores, IReadOnlyDictionary<string, (string Zh, string En)> IndicatorNames,
    DateTime MadeAtUtc);

/// <summary>
/// A base's evaluation report (docs/exports.md): its values and growth, its rank and percentile within its type, a chart
/// per indicator against the national and the type's means, its issues and their status, and its scores and
/// contributions under each scheme when it has results — as workbook sheets, and as a document for PDF and Word.
/// </summary>
public sealed class BaseReport(BasePageService pages, SchemeStore schemes, EvaluationResults results, ScoringData scoring,
    IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    /// <summary>The report's data; null when no base has the code.</summary>
    public async Task<BaseReportData?> LoadAsync(string code, FigureScope scope, CancellationToken cancellationToken = default)
    {
        if (await pages.LoadAsync(code, scope, cancellationToken) is not { } page)
        {
            return null;
        }

        var scores = new List<BaseScores>();
        foreach (var scheme in await schemes.LatestAsync(cancellationToken))
        {
            if (await results.ComputeAsync(scheme.Code, page.Range.ToYear, null, cancellationToken) is { } evaluation
                && evaluation.Results.Bases.FirstOrDefault(b => b.Code == page.Entry.Code) is { } result)
            {
                scores.Add(new BaseScores(evaluation, PeerComparison.Of(evaluation.Results, result)));
            }
        }

        return new BaseReportData(page, scores, await scoring.IndicatorNamesAsync(cancellationToken), clock.GetUtcNow().UtcDateTime);
    }

    public string Title(BaseReportData data) =>
        localizer["Report.BaseTitle", data.Page.Entry.Code, LocalizerExtensions.Pick(data.Page.Entry.NameZh, data.Page.Entry.NameEn)];

    public IReadOnlyList<WorkbookSheet> Sheets(BaseReportData data)
    {
        var page = data.Page;
        var years = Enumerable.Range(page.Range.FromYear, page.Range.YearCount).ToList();
        IReadOnlyList<string> Preamble(string sheet) => [$"{Title(data)} · {sheet}", .. Subtitle(data).Skip(1)];

        // Values and growth: one row per indicator, a column per year, the growth rate as a number (percent).
        var valueColumns = new List<ExportColumn> { ExportColumn.Text("indicator"), ExportColumn.Text("unit") };
        valueColumns.AddRange(years.Select(y => ExportColumn.Number($"{y}")));
        valueColumns.AddRange([ExportColumn.Number("cagr_percent"), ExportColumn.Text("cagr_note")]);
        var valueHeaders = new List<string> { localizer["Report.Indicator"], localizer["Report.Unit"] };
        valueHeaders.AddRange(years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
        valueHeaders.AddRange([localizer["Report.CagrPercent"], localizer["Report.Note"]]);
        var values = page.Figures.Select(f => new[] { ExportCell.Of(Name(f.Indicator)), ExportCell.Of(Unit(f.Indicator)) }
            .Concat(f.Years.Select(y => ExportCell.Of(y.Value, f.Indicator.Decimals)))
            .Concat([ExportCell.Of(f.Cagr.Rate * 100m, 1), ExportCell.Of(localizer.Reason(f.Cagr))]).ToArray()).ToList();

        // Standing: long format (indicator, year) so that rank, peers and percentile stay numbers.
        IReadOnlyList<ExportColumn> standingColumns =
        [
            ExportColumn.Text("indicator"), ExportColumn.WholeNumber("year"), ExportColumn.Number("value"), ExportColumn.WholeNumber("rank"),
            ExportColumn.WholeNumber("peers"), ExportColumn.Number("percentile"),
        ];
        var standing = page.Figures.SelectMany(f => f.Years.Where(y => y.Standing is not null).Select(y => new[]
        {
            ExportCell.Of(Name(f.Indicator)), ExportCell.Of(y.Year), ExportCell.Of(y.Value, f.Indicator.Decimals), ExportCell.Of(y.Standing!.Rank),
            ExportCell.Of(y.Standing.N), ExportCell.Of(y.Standing.Percentile * 100m, 1),
        })).ToList();

        // The base against the national mean and its type's mean, per indicator and year.
        var compareColumns = new List<ExportColumn> { ExportColumn.Text("indicator"), ExportColumn.Text("series") };
        compareColumns.AddRange(years.Select(y => ExportColumn.Number($"{y}")));
        var compareHeaders = new List<string> { localizer["Report.Indicator"], localizer["Report.Series"] };
        compareHeaders.AddRange(years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
        var compare = page.Figures.SelectMany(f => Series(data, f).Select(s =>
            new[] { ExportCell.Of(Name(f.Indicator)), ExportCell.Of(s.Label) }.Concat(s.Values.Select(v => ExportCell.Of(v, f.Indicator.Decimals))).ToArray())).ToList();

        IReadOnlyList<ExportColumn> issueColumns =
            [ExportColumn.WholeNumber("year"), ExportColumn.Text("category"), ExportColumn.Text("severity"), ExportColumn.Text("status"), ExportColumn.Text("text")];
        var issues = page.Issues.Select(i => new[]
        {
            ExportCell.Of(i.Year), ExportCell.Of(LocalizerExtensions.Pick(i.CategoryZh, i.CategoryEn)), ExportCell.Of(localizer[$"Severity.{i.Severity}"].Value),
            ExportCell.Of(localizer[$"IssueStatus.{i.Status}"].Value), ExportCell.Of(i.Text),
        }).ToList();

        var sheets = new List<WorkbookSheet>
        {
            new(localizer["Base.Figures"], Preamble(localizer["Base.Figures"]), valueColumns, valueHeaders, values),
            new(localizer["Report.Standing"], Preamble(localizer["Report.Standing"]), standingColumns,
                [localizer["Report.Indicator"], localizer["Common.Year"], localizer["Report.Value"], localizer["Evaluation.Rank"], localizer["Report.Peers"],
                    localizer["Report.Percentile"]], standing),
            new(localizer["Report.Comparison"], Preamble(localizer["Report.Comparison"]), compareColumns, compareHeaders, compare),
            new(localizer["Issues.ForBase"], Preamble(localizer["Issues.ForBase"]), issueColumns,
                [localizer["Common.Year"], localizer["Report.Category"], localizer["Issues.Severity"], localizer["Entry.Status"], localizer["Report.IssueText"]], issues),
        };
        sheets.AddRange(data.Scores.Select(s => ScoreSheet(data, s, Preamble)));
        return sheets;
    }

    public ReportDocument Document(BaseReportData data, IReadOnlyList<WorkbookSheet> sheets)
    {
        var page = data.Page;
        var years = Enumerable.Range(page.Range.FromYear, page.Range.YearCount).ToList();
        var blocks = new List<ReportBlock>
        {
            new ReportHeading(sheets[0].Name), new ReportText(localizer["Report.Lead.BaseValues"]), new ReportTable(sheets[0]),
            new ReportHeading(sheets[1].Name), new ReportText(localizer["Report.Lead.Standing", localizer.Name(page.Entry.Type)]), new ReportTable(sheets[1]),
            new ReportHeading(sheets[2].Name),
        };
        blocks.AddRange(page.Figures.Select(f => new ReportChart(Name(f.Indicator), localizer["Report.UnitLine", Unit(f.Indicator)], years, Series(data, f))));
        blocks.Add(new ReportTable(sheets[2]));
        blocks.Add(new ReportHeading(sheets[3].Name));
        blocks.Add(page.Issues.Count == 0 ? new ReportText(localizer["Issues.None"]) : new ReportTable(sheets[3]));
        foreach (var (scores, sheet) in data.Scores.Zip(sheets.Skip(4)))
        {
            var result = scores.Comparison.Base;
            blocks.Add(new ReportHeading(sheet.Name));
            blocks.Add(new ReportText(sheet.Preamble[^1]));
            blocks.Add(new ReportText(result.Total is { } total
                ? localizer["Report.BaseScoreLine", ScoreDisplay.Score(total), result.Rank ?? 0, result.RankedPeers,
                    result.Grade is { } g ? LocalizerExtensions.Pick(g.NameZh, g.NameEn) : localizer["Evaluation.NoGrade"].Value, ScoreDisplay.Share(result.Coverage)]
                : localizer["Report.BaseNoTotal", ScoreDisplay.Share(result.Coverage)]));
            blocks.Add(new ReportTable(sheet));
        }

        blocks.AddRange(ReportAppendix.Methods(localizer).Blocks());
        return new ReportDocument(Title(data), Subtitle(data), blocks, CultureInfo.CurrentUICulture.Name, data.MadeAtUtc, localizer["Report.PageLabel"]);
    }

    private IReadOnlyList<string> Subtitle(BaseReportData data)
    {
        var e = data.Page.Entry;
        return
        [
            $"{localizer.Name(e.Type)} · {LocalizerExtensions.Pick(e.ProvinceZh, e.ProvinceEn)} · {localizer.Name(e.Region)} · {localizer["Registry.Batch"]} {e.BatchYear}",
            $"{data.Page.Range.FromYear}–{data.Page.Range.ToYear} · {localizer[$"Report.Scope.{FigureScopes.Code(data.Page.Scope)}"]}",
            ReportLines.DataAsOf(localizer, data.MadeAtUtc),
        ];
    }

    /// <summary>The base's series and the two means it is compared with, as the base page's chart draws them.</summary>
    private List<ChartSeries> Series(BaseReportData data, Figures.BaseIndicatorFigures figures)
    {
        var page = data.Page;
        IReadOnlyList<decimal?> Means(Figures.NationalFigures national) =>
            [.. national.Rows.Single(r => r.Indicator.Id == figures.Indicator.Id).AllReporting.Yearly.Select(y => y.Value)];
        return
        [
            new(page.Entry.Code, [.. figures.Years.Select(y => y.Value)]),
            new(localizer["Base.NationalMean"], Means(page.National)),
            new(localizer["Base.TypeMean"], Means(page.TypeMeans)),
        ];
    }

    /// <summary>The base's dimensions and items under a scheme, each beside the median of its type.</summary>
    private WorkbookSheet ScoreSheet(BaseReportData data, BaseScores scores, Func<string, IReadOnlyList<string>> preamble)
    {
        var scheme = scores.Evaluation.Scheme.Scheme;
        var comparison = scores.Comparison;
        var title = $"{localizer["Report.Sheet.Results"]} {scores.Evaluation.Scheme.Scheme.Code}";
        IReadOnlyList<ExportColumn> columns =
        [
            ExportColumn.Text("part"), ExportColumn.Number("raw"), ExportColumn.Number("score"), ExportColumn.Number("median_score"),
            ExportColumn.Number("contribution"), ExportColumn.Number("median_contribution"),
        ];
        static ExportCell Score(double? value) => ExportCell.Of(value is { } v && double.IsFinite(v) ? (decimal)v : null, 1);
        var rows = new List<ExportCell[]>();
        foreach (var dimension in scheme.Dimensions)
        {
            rows.Add([ExportCell.Of(LocalizerExtensions.Pick(dimension.NameZh, dimension.NameEn)), ExportCell.Empty, Score(comparison.Base.Dimensions[dimension.Code]),
                Score(comparison.MedianDimensions[dimension.Code]), ExportCell.Empty, ExportCell.Empty]);
            foreach (var item in comparison.Items.Where(i => i.Item.Dimension == dimension.Code))
            {
                var schemeItem = scheme.Items.First(i => i.Key == item.Item.Key);
                // A growth item's raw value is a rate: shown as a percentage, like the scorecard.
                var growth = schemeItem.Measure == ItemMeasure.Growth;
                rows.Add([ExportCell.Of("  " + ScoreDisplay.ItemName(schemeItem, data.IndicatorNames, localizer, scheme.Criteria) + (growth ? " %" : "")),
                    ExportCell.Of(item.Item.Raw is { } raw && double.IsFinite(raw) ? (decimal)raw * (growth ? 100m : 1m) : null, growth ? 1 : 2),
                    Score(item.Item.Score), Score(item.MedianScore), Score(item.Item.Contribution), Score(item.MedianContribution)]);
            }
        }

        var lines = preamble(title).Append(
            $"{LocalizerExtensions.Pick(scheme.NameZh, scheme.NameEn)} v{scores.Evaluation.Scheme.Version.Version} · {scores.Evaluation.Results.Year}" +
            (scores.Evaluation.Publication is null ? $" · {localizer["Evaluation.NotPublished"]}" : $" · {localizer["Evaluation.IsPublished"]}")).ToList();
        return new WorkbookSheet(title, lines, columns,
            [localizer["Report.Part"], localizer["Scorecard.Raw"], localizer["Scorecard.Score"], localizer["Scorecard.PeerMedian"], localizer["Scorecard.Contribution"],
                localizer["Scorecard.MedianContribution"]], rows);
    }

    private static string Name(Domain.Evaluation.Indicator indicator) => LocalizerExtensions.Pick(indicator.NameZh, indicator.NameEn);

    private static string Unit(Domain.Evaluation.Indicator indicator) => LocalizerExtensions.Pick(indicator.UnitZh, indicator.UnitEn);
}
