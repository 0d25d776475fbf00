using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Scoring;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Evaluation;

namespace MieEvaluation.Web.Controllers.Api;

/// <summary>
/// Evaluation schemes and their results (docs/api.md): schemes in and out as the JSON of docs/evaluation.md, results
/// and robustness at full precision in the same snake_case style.
/// </summary>
[Route("api/v1/evaluation/schemes")]
public sealed class EvaluationApiController(SchemeStore schemes, EvaluationResults results, IStringLocalizer<SharedResource> localizer) : ApiControllerBase
{
    /// <summary>The largest scheme accepted: a real one is a few kilobytes.</summary>
    public const int MaxSchemeBytes = 256 * 1024;

    [HttpGet("")]
    [Authorize(Policy = Policies.ViewFigures)]
    [ProducesResponseType<IReadOnlyList<SchemeSummary>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(CancellationToken cancellationToken) =>
        Snake((await schemes.LatestAsync(cancellationToken)).Select(SchemeSummary.Of));

    /// <summary>Saves the body as the scheme's next version: 201 when saved, 200 when it equals the latest, 422 with every problem.</summary>
    [HttpPost("")]
    [Authorize(Policy = Policies.Administer)]
    [Consumes("application/json")]
    [RequestSizeLimit(MaxSchemeBytes)]
    [SchemeJsonBody(inRequest: true)]
    [ProducesResponseType<SchemeSummary>(StatusCodes.Status201Created)]
    [ProducesResponseType<SchemeSummary>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Save(CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(Request.Body, Encoding.UTF8);
        var save = await schemes.SaveAsync(await reader.ReadToEndAsync(cancellationToken), User.Identity!.Name!, cancellationToken: cancellationToken);
        if (!save.Saved)
        {
            var problem = ProblemDetailsFactory.CreateProblemDetails(HttpContext, StatusCodes.Status422UnprocessableEntity, "Invalid scheme",
                detail: string.Join(" ", save.Problems.Select(p => p.Describe(localizer))));
            problem.Extensions["problems"] = save.Problems.Select(p => new { path = p.Path, key = p.Key, message = p.Message(localizer) }).ToList();
            return new ObjectResult(problem) { StatusCode = StatusCodes.Status422UnprocessableEntity, ContentTypes = { "application/problem+json" } };
        }

        var body = SchemeSummary.Of(save.Version!);
        if (save.Unchanged)
        {
            return Snake(body);
        }

        Response.Headers.Location = $"/api/v1/evaluation/schemes/{body.Code}?version={body.Version}";
        return Snake(body, StatusCodes.Status201Created);
    }

    /// <summary>The scheme's JSON (the latest version, or <c>?version=n</c>).</summary>
    [HttpGet("{code}")]
    [Authorize(Policy = Policies.ViewFigures)]
    [SchemeJsonBody(inRequest: false)]
    public async Task<IActionResult> Get(string code, int? version, CancellationToken cancellationToken)
    {
        if (await schemes.FindAsync(code, version, cancellationToken) is not { } stored)
        {
            return Unknown(version is null ? $"There is no scheme \"{code}\"." : $"Scheme \"{code}\" has no version {version}.");
        }

        Response.Headers["X-Scheme-Version"] = stored.Version.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Content(SchemeJson.Write(stored.Scheme), "application/json", Encoding.UTF8);
    }

    /// <summary>Per base: type, total, rank, grade, coverage, dimension and item scores, at full precision, with the weights used.</summary>
    [HttpGet("{code}/results")]
    [Authorize(Policy = Policies.ViewFigures)]
    [ProducesResponseType<ResultsDocument>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Results(string code, int? year, CancellationToken cancellationToken)
    {
        if (BadYear(year) is { } refusal)
        {
            return refusal;
        }

        if (await results.ComputeAsync(code, year!.Value, null, cancellationToken) is not { } evaluation)
        {
            return Unknown($"There is no scheme \"{code}\".");
        }

        return Snake(ResultsDocument.From(evaluation.Scheme.Version, evaluation.Results, evaluation.DataVersion));
    }

    /// <summary>Monte Carlo over the weights (and the normalisation): per base the median rank, its 5–95 % interval, the grade shares.</summary>
    [HttpGet("{code}/robustness")]
    [Authorize(Policy = Policies.ViewFigures)]
    [ProducesResponseType<RobustnessDocument>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Robustness(string code, int? year, int? runs, double? spread, int? seed,
        [FromQuery(Name = "vary_normalisation")] bool? varyNormalisation, CancellationToken cancellationToken)
    {
        if (BadYear(year) is { } refusal)
        {
            return refusal;
        }

        var options = new RobustnessOptions(runs ?? 1000, spread ?? 0.25, seed ?? 1, varyNormalisation ?? false);
        if (options.Runs is < 1 or > RobustnessOptions.MaxRuns || options.Spread is < 0 or >= 1 || !double.IsFinite(options.Spread))
        {
            return BadParameter([$"runs must be 1 … {RobustnessOptions.MaxRuns} and spread at least 0 and below 1."]);
        }

        if (await results.RobustnessAsync(code, year!.Value, options, cancellationToken) is not { } robustness)
        {
            return Unknown($"There is no scheme \"{code}\".");
        }

        return Snake(new RobustnessDocument(code, robustness.Scheme.Version.Version, year.Value, options.Runs, options.Spread, options.Seed,
            options.VaryNormalisation, [.. robustness.Results.Bases.Select(b => new BaseRobustnessDocument(b.Code, b.MedianRank, b.RankLow, b.RankHigh,
                b.GradeShares.ToDictionary(g => g.Key.Length == 0 ? "none" : g.Key, g => g.Value), b.ShareOtherGrade, b.GradeUnstable))]));
    }

    private ObjectResult? BadYear(int? year) =>
        year is >= 2000 and <= 2100 ? null : BadParameter(["Give year=YYYY, the data year (2000 … 2100)."]);

    private static JsonResult Snake(object body, int status = StatusCodes.Status200OK) => new(body, ResultsDocument.Json) { StatusCode = status };
}

[SnakeCaseJson]
public sealed record SchemeSummary(string Code, int Version, string NameZh, string NameEn, DateTime SavedAtUtc, bool Illustration)
{
    public static SchemeSummary Of(SchemeVersion version) =>
        new(version.Code, version.Version, version.NameZh, version.NameEn, version.SavedAtUtc, version.IsIllustration);
}

[SnakeCaseJson]
public sealed record RobustnessDocument(string Scheme, int SchemeVersion, int Year, int Runs, double Spread, int Seed, bool VaryNormalisation,
    IReadOnlyList<BaseRobustnessDocument> Bases);

[SnakeCaseJson]
public sealed record BaseRobustnessDocument(string BaseCode, int? MedianRank, int? RankLow, int? RankHigh, IReadOnlyDictionary<string, double> GradeShares,
    double ShareOtherGrade, bool GradeUnstable);
