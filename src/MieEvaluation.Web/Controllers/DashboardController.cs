using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Statistics;
using MieEvaluation.Web.Localization;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Figures;
using MieEvaluation.Web.ViewModels.Figures;

namespace MieEvaluation.Web.Controllers;

/// <summary>The national trend dashboard: the report's table, live, with filters held in the URL and charts.</summary>
[Authorize(Policy = Policies.ViewFigures)]
public sealed class DashboardController(FiguresService figures, IValidator<FigureFilterInput> validator, IStringLocalizer<SharedResource> localizer,
    TimeProvider clock) : Controller
{
    [HttpGet("dashboard")]
    [OutputCache(PolicyName = FigurePageOutputCache.Name)]
    public async Task<IActionResult> Index([FromQuery] FigureFilterInput filter, [FromQuery] string? indicator,
        [FromServices] Services.Registry.BaseRegistryService registry, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(filter, cancellationToken);
        var invalid = validation.Errors.Select(e => e.PropertyName).ToHashSet();
        var scope = filter.Scope(invalid);
        var query = await filter.ToQueryAsync(invalid, figures, clock.GetUtcNow().Year, cancellationToken);
        var national = await figures.NationalAsync(query, cancellationToken);
        var expected = await figures.ExpectedBasesAsync(query, cancellationToken);
        var regionIndicator = national.Rows.FirstOrDefault(r => r.Indicator.Code == indicator)?.Indicator ?? (national.Rows.Count > 0 ? national.Rows[0].Indicator : null);
        var regions = regionIndicator is null
            ? []
            : (await figures.BreakdownAsync(query, Breakdown.Region, cancellationToken)).Single(b => b.Indicator.Id == regionIndicator.Id).Groups;
        var balanced = filter.Balanced(invalid);

        return View(new DashboardPage(filter, validation.Errors.Select(e => e.ErrorMessage).Distinct().ToList(), balanced, national, regions,
            regionIndicator?.Code ?? "", ChartJson(national, regions, balanced), scope, expected, await registry.ProvincesAsync(cancellationToken)));
    }

    /// <summary>The charts' data, serialised (never assembled as script): the page reads it from a JSON block.</summary>
    private string ChartJson(NationalFigures national, IReadOnlyList<BreakdownGroup> regions, bool balanced) => JsonSerializer.Serialize(new
    {
        years = Enumerable.Range(national.Query.FromYear, national.Query.YearCount),
        indicators = national.Rows.Select(row =>
        {
            var series = balanced ? row.BalancedPanel : row.AllReporting;
            return new
            {
                code = row.Indicator.Code,
                name = LocalizerExtensions.Pick(row.Indicator.NameZh, row.Indicator.NameEn),
                unit = LocalizerExtensions.Pick(row.Indicator.UnitZh, row.Indicator.UnitEn),
                values = series.Yearly.Select(y => (double?)DisplayRounding.Round(y.Value, row.Indicator.Decimals)),
                n = series.Yearly.Select(y => y.N),
                cagr = series.Cagr.Rate is { } rate ? (double?)Percent.Round(rate) : null,
            };
        }),
        regions = regions.Select(g => new
        {
            key = g.Key,
            name = g.Key == FiguresService.CentralAndWest ? localizer["Region.CentralWest"].Value : localizer[$"Region.{char.ToUpperInvariant(g.Key[0])}{g.Key[1..]}"].Value,
            values = g.Growth.Yearly.Select(y => (double?)DisplayRounding.Round(y.Value, 2)),
            n = g.Growth.Yearly.Select(y => y.N),
        }),
        labels = new { n = "N", growth = localizer["Dashboard.Cagr"].Value },
    });
}
