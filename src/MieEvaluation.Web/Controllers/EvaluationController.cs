using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Scoring;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Evaluation;
using MieEvaluation.Web.Services.Exports;
using MieEvaluation.Web.ViewModels.Evaluation;

namespace MieEvaluation.Web.Controllers;

/// <summary>
/// The evaluation's results (docs/evaluation.md): per scheme and data year the ranks, totals and grades by type, each
/// base's scorecard, the CSV, and — for administrators — publishing and withdrawing.
/// </summary>
[Route("evaluation")]
[Authorize(Policy = Policies.ViewFigures)]
public sealed class EvaluationController(SchemeStore schemes, EvaluationResults results, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
    : Controller
{
    public const int FirstYear = 2016;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        return View(new SchemesPage(await schemes.LatestAsync(cancellationToken), Years(), await results.HistoryAsync(null, cancellationToken)));
    }

    [HttpGet("{code}/{year:int}")]
    public async Task<IActionResult> Results(string code, int year, CancellationToken cancellationToken)
    {
        if (RefuseYear(year) is { } refusal)
        {
            return refusal;
        }

        if (await results.ComputeAsync(code, year, null, cancellationToken) is not { } evaluation)
        {
            return NotFound();
        }

        var robustness = RobustnessAnalysis.Run(evaluation.Scheme.Scheme, [.. evaluation.Bases.Select(b => b.Scoring)], year, new RobustnessOptions());
        var previous = year > FirstYear ? await results.ComputeAsync(code, year - 1, evaluation.Scheme.Version.Version, cancellationToken) : null;
        var previousRanks = previous?.Results.Bases.ToDictionary(b => b.Code, b => b.Rank) ?? [];
        return View(nameof(Results), new ResultsPage(evaluation, robustness, previousRanks, Years(), await results.HistoryAsync(code, cancellationToken)));
    }

    [HttpGet("{code}/{year:int}/bases/{baseCode}")]
    public async Task<IActionResult> Scorecard(string code, int year, string baseCode, [FromServices] ScoringData data, CancellationToken cancellationToken)
    {
        if (RefuseYear(year) is { } refusal)
        {
            return refusal;
        }

        if (await results.ComputeAsync(code, year, null, cancellationToken) is not { } evaluation ||
            evaluation.Results.Bases.FirstOrDefault(b => b.Code == baseCode) is not { } result)
        {
            return NotFound();
        }

        var robustness = RobustnessAnalysis.Run(evaluation.Scheme.Scheme, [.. evaluation.Bases.Select(b => b.Scoring)], year, new RobustnessOptions());
        return View(new ScorecardPage(evaluation, evaluation.BaseOf(result), PeerComparison.Of(evaluation.Results, result),
            robustness.Bases.FirstOrDefault(b => b.Code == baseCode), await data.IndicatorNamesAsync(cancellationToken)));
    }

    /// <summary>The results as a table: one row per evaluated base, scores at full precision.</summary>
    [HttpGet("{code}/{year:int}/results.csv")]
    public async Task<IActionResult> Csv(string code, int year, CancellationToken cancellationToken)
    {
        if (RefuseYear(year) is { } refusal)
        {
            return refusal;
        }

        if (await results.ComputeAsync(code, year, null, cancellationToken) is not { } evaluation)
        {
            return ValidationExtensions.PlainRefusal(StatusCodes.Status404NotFound, [localizer["Evaluation.UnknownScheme", code]]);
        }

        var table = ResultsTable.Of(evaluation, clock.GetUtcNow().UtcDateTime);
        return File(CsvExport.Write(table), CsvExport.ContentType, table.FileName("csv"));
    }

    [HttpPost("{code}/{year:int}/publish")]
    [Authorize(Policy = Policies.Administer)]
    public async Task<IActionResult> Publish(string code, int year, CancellationToken cancellationToken)
    {
        if (RefuseYear(year) is { } refusal)
        {
            return refusal;
        }

        var change = await results.PublishAsync(code, year, User.Identity!.Name!, cancellationToken);
        return Respond(change, code, year, "Evaluation.Published");
    }

    [HttpPost("{code}/{year:int}/withdraw")]
    [Authorize(Policy = Policies.Administer)]
    public async Task<IActionResult> Withdraw(string code, int year, [FromForm] string? reason, CancellationToken cancellationToken)
    {
        if (RefuseYear(year) is { } refusal)
        {
            return refusal;
        }

        var change = await results.WithdrawAsync(code, year, reason, User.Identity!.Name!, cancellationToken);
        if (change == PublicationChange.ReasonRequired)
        {
            // Shown on the results page itself, with the form, like any refused form.
            ModelState.AddModelError("", localizer["Evaluation.ReasonRequired", EvaluationResults.MaxReasonLength]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await Results(code, year, cancellationToken);
        }

        return Respond(change, code, year, "Evaluation.Withdrawn");
    }

    private IActionResult Respond(PublicationChange change, string code, int year, string doneKey)
    {
        if (change == PublicationChange.NotFound)
        {
            return NotFound();
        }

        if (change == PublicationChange.Done)
        {
            TempData["Message"] = localizer[doneKey].Value;
            return RedirectToAction(nameof(Results), new { code, year });
        }

        return ValidationExtensions.PlainBadRequest([localizer[$"Evaluation.Refused.{change}"]]);
    }

    /// <summary>The data years with rounds: 2016 up to the current round's.</summary>
    private int[] Years() => [.. Enumerable.Range(FirstYear, EvaluationRound.DataYear(clock.GetUtcNow()) - FirstYear + 1)];

    private ContentResult? RefuseYear(int year) => year >= FirstYear && year <= EvaluationRound.DataYear(clock.GetUtcNow())
        ? null
        : ValidationExtensions.PlainBadRequest([localizer["Evaluation.BadYear", FirstYear, EvaluationRound.DataYear(clock.GetUtcNow())]]);
}
