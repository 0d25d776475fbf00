using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MieEvaluation.Web.Localization;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Scoring;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Evaluation;
using MieEvaluation.Web.ViewModels.Evaluation;

namespace MieEvaluation.Web.Controllers;

/// <summary>
/// Administrators write evaluation schemes in the browser: a structured editor over the scheme's JSON (the JSON itself
/// is what is posted, so the page works without script too), checked by the same store as the API.
/// </summary>
[Route("evaluation/schemes")]
[Authorize(Policy = Policies.Administer)]
public sealed class SchemesController(SchemeStore schemes, ScoringData data, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await PageAsync(SchemeEditorPage.Starter, null, [], cancellationToken));

    [HttpGet("{code}/edit")]
    public async Task<IActionResult> Edit(string code, CancellationToken cancellationToken) =>
        await schemes.FindAsync(code, null, cancellationToken) is { } stored
            ? View(await PageAsync(stored.Version.Json, stored.Version, [], cancellationToken))
            : NotFound();

    [HttpPost("")]
    public async Task<IActionResult> Save([FromForm] string? json, CancellationToken cancellationToken)
    {
        var save = await schemes.SaveAsync(json ?? "", User.Identity!.Name!, cancellationToken: cancellationToken);
        if (save.Saved)
        {
            TempData["Message"] = save.Unchanged
                ? localizer["Schemes.Unchanged", save.Version!.Code, save.Version.Version].Value
                : localizer["Schemes.Saved", save.Version!.Code, save.Version.Version].Value;
            return RedirectToAction(nameof(EvaluationController.Index), "Evaluation");
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Edit", await PageAsync(json ?? "", null, save.Problems, cancellationToken));
    }

    /// <summary>
    /// The weights and consistency ratio of an AHP matrix as the editor has it (rows by ";", entries by ","), for the
    /// CR shown while typing; the same check as a save's.
    /// </summary>
    [HttpGet("ahp")]
    public IActionResult Ahp(string? matrix)
    {
        var rows = (matrix ?? "").Split(';').Select(r => (IReadOnlyList<string>)[.. r.Split(',').Select(e => e.Trim())]).ToList();
        if (rows.Count is 0 or > PairwiseMatrix.MaxSize)
        {
            return Json(new { ok = false, cr = (double?)null, weights = Array.Empty<double>(), problems = new[] { new SchemeProblem("", "AhpTooLarge", PairwiseMatrix.MaxSize).Message(localizer) } });
        }

        var (weights, problems) = SchemeRules.CheckMatrix(rows, rows.Count, "");
        return Json(new
        {
            ok = problems.Count == 0,
            cr = weights?.ConsistencyRatio,
            crText = weights is null ? null : ScoreDisplay.Ratio(weights.ConsistencyRatio),
            weights = weights?.Weights ?? [],
            problems = problems.Select(p => p.Message(localizer)),
        });
    }

    private async Task<SchemeEditorPage> PageAsync(string json, SchemeVersion? version, IReadOnlyList<SchemeProblem> problems, CancellationToken cancellationToken) =>
        new(json, version, [.. problems.Select(p => p.Describe(localizer))], await data.IndicatorNamesAsync(cancellationToken));
}
