using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Statistics;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Figures;
using MieEvaluation.Web.Services.Issues;
using MieEvaluation.Web.Services.Registry;
using MieEvaluation.Web.ViewModels.Figures;

namespace MieEvaluation.Web.Controllers.Api;

/// <summary>The figures, issues and completeness as JSON: the same services the dashboard reads.</summary>
[Authorize(Policy = Policies.ViewFigures)]
public sealed class FiguresApiController(FiguresService figures, IValidator<FigureFilterInput> validator, TimeProvider clock) : ApiControllerBase
{
    [HttpGet("figures/national")]
    public async Task<IActionResult> National([FromQuery] FigureFilterInput filter, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(filter, cancellationToken);
        if (!validation.IsValid)
        {
            return BadParameter(validation.Errors.Select(e => e.ErrorMessage));
        }

        var none = new HashSet<string>();
        var scope = filter.Scope(none);
        var query = await filter.ToQueryAsync(none, figures, clock.GetUtcNow().Year, cancellationToken);
        var national = await figures.NationalAsync(query, cancellationToken);
        var expected = await figures.ExpectedBasesAsync(query, cancellationToken);
        var balanced = filter.Balanced(none);
        return Ok(new
        {
            from = national.Query.FromYear,
            to = national.Query.ToYear,
            panel = balanced ? "balanced" : "all",
            status = FigureScopes.Code(scope),
            expectedBases = expected.Select(e => new { year = e.Key, n = e.Value }),
            indicators = national.Rows.Select(row =>
            {
                var series = balanced ? row.BalancedPanel : row.AllReporting;
                return new
                {
                    code = row.Indicator.Code,
                    nameZh = row.Indicator.NameZh,
                    nameEn = row.Indicator.NameEn,
                    aggregation = row.Indicator.Aggregation.ToString(),
                    years = series.Yearly.Select(y => new { year = y.Year, value = y.Value, n = y.N, incomplete = FigureScopes.IsIncomplete(y.N, expected[y.Year]) }),
                    cagr = Growth(series.Cagr.Rate, series.Cagr.UndefinedReason),
                    medianBaseCagr = new MedianJson(series.MedianBaseCagr.Rate, Percent.Round(series.MedianBaseCagr.Rate),
                        series.MedianBaseCagr.UndefinedReason?.ToString(), series.MedianBaseCagr.N),
                };
            }),
        });
    }

    [HttpGet("figures/bases/{code}")]
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

        return Ok(new
        {
            code = page.Entry.Code,
            status = FigureScopes.Code(scope),
            from = page.Range.FromYear,
            to = page.Range.ToYear,
            indicators = page.Figures.Select(f => new
            {
                code = f.Indicator.Code,
                years = f.Years.Select(y => new { year = y.Year, value = y.Value, rank = y.Standing?.Rank, percentile = y.Standing?.Percentile, peers = y.Standing?.N }),
                cagr = Growth(f.Cagr.Rate, f.Cagr.UndefinedReason),
            }),
        });
    }

    [HttpGet("issues")]
    public async Task<IActionResult> Issues([FromServices] IssueSummaryService summaries, CancellationToken cancellationToken) =>
        Ok((await summaries.ListAsync(new IssueFilter(null, null, null, null), cancellationToken)).Select(i => new
        {
            baseCode = i.BaseCode, year = i.Year, categoryZh = i.CategoryZh, categoryEn = i.CategoryEn,
            severity = i.Severity.ToString().ToLowerInvariant(), status = i.Status.ToString().ToLowerInvariant(), text = i.Text,
        }));

    [HttpGet("completeness")]
    public async Task<IActionResult> Completeness([FromServices] CompletenessService completeness, CancellationToken cancellationToken)
    {
        var latest = await figures.LatestYearAsync(FigureScope.Approved, cancellationToken);
        var data = await completeness.LoadAsync(Math.Max(2016, latest - 19), latest, cancellationToken);
        return Ok(new
        {
            from = data.FromYear,
            to = data.ToYear,
            rates = data.Rates.Select(r => new { year = r.Year, expected = r.Expected, reported = r.Reported, rate = r.Rate }),
            bases = data.Rows.Select(r => new { code = r.Code, states = r.Years.Select(s => s.ToString().ToLowerInvariant()) }),
        });
    }

    /// <summary>A growth rate at full precision (a fraction), as displayed (percent, 0.1), or why it is undefined.</summary>
    private static GrowthJson Growth(decimal? rate, GrowthUndefinedReason? reason) => new(rate, Percent.Round(rate), reason?.ToString());

    private sealed record GrowthJson(decimal? Rate, decimal? Percent, string? UndefinedReason);

    private sealed record MedianJson(decimal? Rate, decimal? Percent, string? UndefinedReason, int N);
}
