using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Statistics;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Figures;
using MieEvaluation.Web.Services.Registry;
using MieEvaluation.Web.ViewModels.Figures;

namespace MieEvaluation.Web.Controllers.Api;

/// <summary>The national table and a base's figures as JSON: the same services the dashboard and the base page read.</summary>
[Authorize(Policy = Policies.ViewFigures)]
public sealed class FiguresApiController(FiguresService figures, IValidator<FigureFilterInput> validator, TimeProvider clock) : ApiControllerBase
{
    [HttpGet("figures/national")]
    [ProducesResponseType<NationalResult>(StatusCodes.Status200OK)]
    public async Task<IActionResult> National([FromQuery] FigureFilterInput filter, CancellationToken cancellationToken)
    {
        if (ExportRequests.Refuse(await validator.ValidateAsync(filter, cancellationToken)) is { } refusal)
        {
            return refusal.Status == StatusCodes.Status404NotFound ? Unknown(string.Join(" ", refusal.Reasons)) : BadParameter(refusal.Reasons);
        }

        var none = new HashSet<string>();
        var query = await filter.ToQueryAsync(none, figures, clock.GetUtcNow().Year, cancellationToken);
        var national = await figures.NationalAsync(query, cancellationToken);
        var expected = await figures.ExpectedBasesAsync(query, cancellationToken);
        var balanced = filter.Balanced(none);
        return Ok(new NationalResult(national.Query.FromYear, national.Query.ToYear, balanced ? "balanced" : "all", FigureScopes.Code(filter.Scope(none)),
            expected.Select(e => new ExpectedBases(e.Key, e.Value)).ToList(),
            national.Rows.Select(row =>
            {
                var series = balanced ? row.BalancedPanel : row.AllReporting;
                return new NationalIndicator(row.Indicator.Code, row.Indicator.NameZh, row.Indicator.NameEn, row.Indicator.Aggregation.ToString(),
                    series.Yearly.Select(y => new NationalYear(y.Year, y.Value, y.N, FigureScopes.IsIncomplete(y.N, expected[y.Year]))).ToList(),
                    Growth(series.Cagr.Rate, series.Cagr.UndefinedReason),
                    new MedianResult(series.MedianBaseCagr.Rate, Percent.Round(series.MedianBaseCagr.Rate), series.MedianBaseCagr.UndefinedReason?.ToString(),
                        series.MedianBaseCagr.N));
            }).ToList()));
    }

    /// <summary>One base (its code, or its former code) with its values, ranks within its type and CAGR per indicator.</summary>
    [HttpGet("figures/bases/{code}")]
    [ProducesResponseType<BaseFiguresResult>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Base(string code, string? status, [FromServices] BasePageService pages, CancellationToken cancellationToken)
    {
        if (!FigureScopes.TryParse(status, out var scope))
        {
            return BadParameter([$"Unknown scope \"{status}\"; use approved or provisional."]);
        }

        if (await pages.LoadAsync(code, scope, cancellationToken) is not { } page)
        {
            return Unknown($"There is no base with the code \"{code}\".");
        }

        return Ok(new BaseFiguresResult(page.Entry.Code, FigureScopes.Code(scope), page.Range.FromYear, page.Range.ToYear,
            page.Figures.Select(f => new BaseIndicatorResult(f.Indicator.Code,
                f.Years.Select(y => new BaseYearResult(y.Year, y.Value, y.Standing?.Rank, y.Standing?.Percentile, y.Standing?.N)).ToList(),
                Growth(f.Cagr.Rate, f.Cagr.UndefinedReason))).ToList()));
    }

    /// <summary>A growth rate at full precision (a fraction), as displayed (percent, 0.1), or why it is undefined.</summary>
    private static GrowthResult Growth(decimal? rate, GrowthUndefinedReason? reason) => new(rate, Percent.Round(rate), reason?.ToString());
}

public sealed record NationalResult(int From, int To, string Panel, string Status, IReadOnlyList<ExpectedBases> ExpectedBases,
    IReadOnlyList<NationalIndicator> Indicators);

public sealed record ExpectedBases(int Year, int N);

public sealed record NationalIndicator(string Code, string NameZh, string NameEn, string Aggregation, IReadOnlyList<NationalYear> Years, GrowthResult Cagr,
    MedianResult MedianBaseCagr);

public sealed record NationalYear(int Year, decimal? Value, int N, bool Incomplete);

public sealed record GrowthResult(decimal? Rate, decimal? Percent, string? UndefinedReason);

public sealed record MedianResult(decimal? Rate, decimal? Percent, string? UndefinedReason, int N);

public sealed record BaseFiguresResult(string Code, string Status, int From, int To, IReadOnlyList<BaseIndicatorResult> Indicators);

public sealed record BaseIndicatorResult(string Code, IReadOnlyList<BaseYearResult> Years, GrowthResult Cagr);

public sealed record BaseYearResult(int Year, decimal? Value, int? Rank, decimal? Percentile, int? Peers);
