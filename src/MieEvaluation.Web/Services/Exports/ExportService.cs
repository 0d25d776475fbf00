using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Domain.Statistics;
using MieEvaluation.Web.Localization;
using MieEvaluation.Web.Services.Figures;
using MieEvaluation.Web.Services.Issues;
using MieEvaluation.Web.Services.Registry;

namespace MieEvaluation.Web.Services.Exports;

/// <summary>
/// Every export as an <see cref="ExportTable"/>, built once from the services the pages read; the pages' download links,
/// <c>/export/*</c> and the API write these same tables as CSV, spreadsheet or JSON. The columns are in
/// <see cref="ExportColumns"/> (and docs/exports.md).
/// </summary>
public sealed class ExportService(FiguresService figures, CompletenessService completeness, IssueSummaryService issues,
    IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    /// <summary>The dashboard's table, wide: one row per indicator, an aggregate and an N column per year, the CAGR and the median of the bases' CAGRs.</summary>
    public async Task<ExportTable> GrowthAsync(FigureQuery query, FigureScope scope, bool balanced, IEnumerable<KeyValuePair<string, string>> given,
        CancellationToken cancellationToken)
    {
        var national = await figures.NationalAsync(query, cancellationToken);
        var years = Enumerable.Range(query.FromYear, query.YearCount).ToList();
        var columns = ExportColumns.GrowthLead
            .Concat(years.SelectMany(y => new[] { ExportColumn.Number(CsvExport.Number(y)), ExportColumn.WholeNumber($"n_{y}") }))
            .Concat(ExportColumns.GrowthTail).ToList();
        var rows = national.Rows.Select(row =>
        {
            var series = balanced ? row.BalancedPanel : row.AllReporting;
            return IndicatorCells(row.Indicator, balanced)
                .Concat(series.Yearly.SelectMany(y => new[] { ExportCell.Of(y.Value, row.Indicator.Decimals), ExportCell.Of(y.N) }))
                .Concat(
                [
                    ExportCell.Of(series.Cagr.Rate, 6), ExportCell.Of(Percent.Round(series.Cagr.Rate), 1), ExportCell.Of(series.Cagr.UndefinedReason?.ToString()),
                    ExportCell.Of(FigureFormat.Reason(localizer, series.Cagr)),
                    ExportCell.Of(series.MedianBaseCagr.Rate, 6), ExportCell.Of(Percent.Round(series.MedianBaseCagr.Rate), 1), ExportCell.Of(series.MedianBaseCagr.N),
                    ExportCell.Of(series.MedianBaseCagr.UndefinedReason?.ToString()), ExportCell.Of(FigureScopes.Code(scope)),
                ]).ToArray();
        }).ToList();
        return Table("growth", columns, rows, given, query, scope, balanced ? "balanced" : "all");
    }

    /// <summary>The same figures tidy: one row per indicator and year with the aggregate, N, the expected bases and the growth on the year before.</summary>
    public async Task<ExportTable> GrowthLongAsync(FigureQuery query, FigureScope scope, bool balanced, IEnumerable<KeyValuePair<string, string>> given,
        CancellationToken cancellationToken)
    {
        var national = await figures.NationalAsync(query, cancellationToken);
        var expected = await figures.ExpectedBasesAsync(query, cancellationToken);
        var rows = national.Rows.SelectMany(row =>
        {
            var series = balanced ? row.BalancedPanel : row.AllReporting;
            return series.Yearly.Select((y, i) =>
            {
                var growth = i == 0 ? null : series.YearOnYear[i - 1];
                var bases = expected.TryGetValue(y.Year, out var e) ? e : 0;
                return IndicatorCells(row.Indicator, balanced).Concat(
                [
                    ExportCell.Of(y.Year), ExportCell.Of(y.Value, row.Indicator.Decimals), ExportCell.Of(y.N), ExportCell.Of(bases),
                    ExportCell.Of(FigureScopes.IsIncomplete(y.N, bases) ? "true" : "false"),
                    ExportCell.Of(growth?.Rate, 6), ExportCell.Of(Percent.Round(growth?.Rate), 1), ExportCell.Of(growth?.UndefinedReason?.ToString()),
                    ExportCell.Of(FigureScopes.Code(scope)),
                ]).ToArray();
            });
        }).ToList();
        return Table("growth-long", ExportColumns.GrowthLong, rows, given, query, scope, balanced ? "balanced" : "all");
    }

    /// <summary>Every counted value (explained gaps with an empty value and their comment), with the base's registry entry and the indicator's names and unit.</summary>
    public async Task<ExportTable> ValuesAsync(FigureQuery query, FigureScope scope, string? baseCode, string? indicatorCode,
        IEnumerable<KeyValuePair<string, string>> given, CancellationToken cancellationToken)
    {
        var values = await figures.ValueRowsAsync(query, string.IsNullOrWhiteSpace(baseCode) ? null : BaseCodes.Canonical(baseCode),
            indicatorCode?.Trim(), cancellationToken);
        var rows = values.Select(r => new[]
        {
            ExportCell.Of(r.BaseCode), ExportCell.Of(r.BaseZh), ExportCell.Of(r.BaseEn), ExportCell.Of(r.Region.ToCode()), ExportCell.Of(r.Type.ToCode()),
            ExportCell.Of(r.ProvinceCode), ExportCell.Of(r.BatchYear), ExportCell.Of(r.Year), ExportCell.Of(r.IndicatorCode), ExportCell.Of(r.IndicatorZh),
            ExportCell.Of(r.IndicatorEn), ExportCell.Of(r.UnitZh), ExportCell.Of(r.UnitEn), ExportCell.Of(r.Value, r.Decimals), ExportCell.Of(Lower(r.Status)),
            ExportCell.Of(r.Comment), ExportCell.Of(FigureScopes.Code(scope)),
        }).ToList();
        return Table("values", ExportColumns.Values, rows, given, query, scope, baseCode, indicatorCode);
    }

    /// <summary>Each selected base's form state per year (<c>approved</c>, <c>submitted</c>, <c>draft</c>, <c>returned</c>, <c>missing</c>; empty before its batch year).</summary>
    public async Task<ExportTable> CompletenessAsync(int fromYear, int toYear, RegistryFilter registry, IEnumerable<KeyValuePair<string, string>> given,
        CancellationToken cancellationToken)
    {
        var data = await completeness.LoadAsync(fromYear, toYear, registry, cancellationToken);
        var columns = ExportColumns.CompletenessLead
            .Concat(Enumerable.Range(fromYear, toYear - fromYear + 1).Select(y => ExportColumn.Text(CsvExport.Number(y)))).ToList();
        var rows = data.Rows.Select(r => new[]
            {
                ExportCell.Of(r.Code), ExportCell.Of(r.NameZh), ExportCell.Of(r.NameEn), ExportCell.Of(r.Region.ToCode()), ExportCell.Of(r.Type.ToCode()),
                ExportCell.Of(r.ProvinceCode), ExportCell.Of(r.BatchYear),
            }
            .Concat(r.Years.Select(s => ExportCell.Of(s == FormState.NotExpected ? null : Lower(s)))).ToArray()).ToList();
        return new ExportTable("completeness", columns, rows, [$"{fromYear}", $"{toYear}", .. RegistryParts(registry)], given.ToList(), clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The problems found, newest year first, with the base, the category (id, code, both names), severity, status and text.</summary>
    public async Task<ExportTable> IssuesAsync(IssueFilter filter, IEnumerable<KeyValuePair<string, string>> given, CancellationToken cancellationToken)
    {
        var list = await issues.ListAsync(filter, cancellationToken);
        var rows = list.Select(r => new[]
        {
            ExportCell.Of(r.BaseCode), ExportCell.Of(r.BaseZh), ExportCell.Of(r.BaseEn), ExportCell.Of(r.Region.ToCode()), ExportCell.Of(r.Type.ToCode()),
            ExportCell.Of(r.Year), ExportCell.Of(r.CategoryId), ExportCell.Of(r.CategoryCode), ExportCell.Of(r.CategoryZh), ExportCell.Of(r.CategoryEn),
            ExportCell.Of(Lower(r.Severity)), ExportCell.Of(Lower(r.Status)), ExportCell.Of(r.Text),
        }).ToList();
        var givenList = given.ToList();
        return new ExportTable("issues", ExportColumns.Issues, rows, givenList.Select(p => (string?)p.Value).ToList(), givenList, clock.GetUtcNow().UtcDateTime);
    }

    private static IEnumerable<ExportCell> IndicatorCells(Indicator indicator, bool balanced) =>
    [
        ExportCell.Of(indicator.Code), ExportCell.Of(indicator.NameZh), ExportCell.Of(indicator.NameEn), ExportCell.Of(indicator.UnitZh),
        ExportCell.Of(indicator.UnitEn), ExportCell.Of(Lower(indicator.Aggregation)), ExportCell.Of(balanced ? "balanced" : "all"),
    ];

    private ExportTable Table(string kind, IReadOnlyList<ExportColumn> columns, List<ExportCell[]> rows, IEnumerable<KeyValuePair<string, string>> given,
        FigureQuery query, FigureScope scope, params string?[] more) =>
        new(kind, columns, rows,
            [$"{query.FromYear}", $"{query.ToYear}", .. RegistryParts(new RegistryFilter(query.Regions, query.Type, query.Batch, query.ProvinceCode)), .. more, FigureScopes.Code(scope)],
            given.ToList(), clock.GetUtcNow().UtcDateTime);

    private static IEnumerable<string?> RegistryParts(RegistryFilter registry) =>
    [
        registry.Regions is { Count: 1 } one ? one.First().ToCode() : registry.Regions is not null ? FiguresService.CentralAndWest : null,
        registry.Type?.ToCode(), registry.Batch?.ToString(System.Globalization.CultureInfo.InvariantCulture), registry.ProvinceCode,
    ];

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1308", Justification = "Export codes are defined lower-case.")]
    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
