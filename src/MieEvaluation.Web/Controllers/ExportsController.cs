using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MieEvaluation.Domain.Evaluation;
using Microsoft.Extensions.Localization;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Exports;
using MieEvaluation.Web.Services.Figures;
using MieEvaluation.Web.ViewModels.Figures;

namespace MieEvaluation.Web.Controllers;

/// <summary>CSV exports for analysts, at stable URLs documented in docs/exports.md.</summary>
[Route("export")]
[Authorize(Policy = Policies.Export)]
public sealed class ExportsController(FiguresService figures, IValidator<FigureFilterInput> validator, IStringLocalizer<SharedResource> localizer,
    TimeProvider clock) : Controller
{
    private static readonly string[] GrowthKeyColumns = ["indicator_code", "indicator_name", "unit"];

    /// <summary>The growth table exactly as the dashboard shows it, with the same filters and panel.</summary>
    [HttpGet("growth.csv")]
    public async Task<IActionResult> Growth([FromQuery] FigureFilterInput filter, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(filter, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var scope = filter.Scope(new HashSet<string>());
        var query = await filter.ToQueryAsync(new HashSet<string>(), figures, clock.GetUtcNow().Year, cancellationToken);
        var national = await figures.NationalAsync(query, cancellationToken);
        var balanced = filter.Balanced(new HashSet<string>());
        var years = Enumerable.Range(query.FromYear, query.YearCount).ToList();
        var header = GrowthKeyColumns
            .Concat(years.SelectMany(y => new[] { CsvExport.Number(y), $"n_{y}" }))
            .Concat(["cagr_percent", "cagr_note", "scope"]);
        var rows = national.Rows.Select(row =>
        {
            var series = balanced ? row.BalancedPanel : row.AllReporting;
            return new[]
                {
                    CsvExport.Neutralise(row.Indicator.Code),
                    CsvExport.Neutralise(Localization.LocalizerExtensions.Pick(row.Indicator.NameZh, row.Indicator.NameEn)),
                    CsvExport.Neutralise(Localization.LocalizerExtensions.Pick(row.Indicator.UnitZh, row.Indicator.UnitEn)),
                }
                .Concat(series.Yearly.SelectMany(y => new[] { CsvExport.Number(y.Value), CsvExport.Number(y.N) }))
                .Concat([CsvExport.Number(Domain.Statistics.Percent.Round(series.Cagr.Rate)), CsvExport.Neutralise(Localization.FigureFormat.Reason(localizer, series.Cagr)),
                    FigureScopes.Code(scope)]);
        });
        var name = CsvExport.FileName("growth", clock.GetUtcNow().UtcDateTime, $"{query.FromYear}", $"{query.ToYear}", filter.Region, filter.Type,
            filter.Batch, filter.Province, balanced ? "balanced" : "all", FigureScopes.Code(scope));
        return File(CsvExport.Write(header, rows), "text/csv; charset=utf-8", name);
    }

    /// <summary>Every value in long format, with base and indicator names in both languages, unit and status.</summary>
    [HttpGet("values.csv")]
    public async Task<IActionResult> Values([FromQuery] FigureFilterInput filter, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(filter, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var scope = filter.Scope(new HashSet<string>());
        var query = await filter.ToQueryAsync(new HashSet<string>(), figures, clock.GetUtcNow().Year, cancellationToken);
        var rows = await figures.ValueRowsAsync(query, cancellationToken: cancellationToken);
        string[] header = ["base_code", "base_name_zh", "base_name_en", "year", "indicator_code", "indicator_name_zh", "indicator_name_en", "unit", "value", "status", "comment", "scope"];
        var cells = rows.Select(r => new[]
        {
            CsvExport.Neutralise(r.BaseCode), CsvExport.Neutralise(r.BaseZh), CsvExport.Neutralise(r.BaseEn), CsvExport.Number(r.Year),
            CsvExport.Neutralise(r.IndicatorCode), CsvExport.Neutralise(r.IndicatorZh), CsvExport.Neutralise(r.IndicatorEn), CsvExport.Neutralise(r.UnitEn),
            CsvExport.Number(r.Value), r.Status.ToString().ToLowerInvariant(), CsvExport.Neutralise(r.Comment), FigureScopes.Code(scope),
        });
        var name = CsvExport.FileName("values", clock.GetUtcNow().UtcDateTime, $"{query.FromYear}", $"{query.ToYear}", filter.Region, filter.Type, filter.Batch, filter.Province,
            FigureScopes.Code(scope));
        return File(CsvExport.Write(header, cells), "text/csv; charset=utf-8", name);
    }

    /// <summary>A bad filter is refused with its message (400): a script must not silently get another table than it asked for.</summary>
    private async Task<IActionResult?> RefuseAsync(FigureFilterInput filter, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(filter, cancellationToken);
        return validation.IsValid ? null : ValidationExtensions.PlainBadRequest(validation.Errors.Select(e => e.ErrorMessage));
    }
}
