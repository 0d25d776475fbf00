using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Review;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Review;
using MieEvaluation.Web.ViewModels.Review;

namespace MieEvaluation.Web.Controllers;

/// <summary>
/// The experts score the bases of their group (the experts' review) and those assigned to it for the cross review,
/// each on their own sheet: blind, through the one scoring gate; an expert declares a conflict here too.
/// </summary>
[Route("evaluation/rounds/{year:int}/scoring")]
[Authorize(Policy = Policies.EnterData)]
public sealed class ExpertReviewController(ReviewRounds rounds, ExpertReviews reviews, UserManager<AppUser> users, IStringLocalizer<SharedResource> localizer)
    : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int year, CancellationToken cancellationToken)
    {
        if (await rounds.FindAsync(year, cancellationToken) is not { } round)
        {
            return NoRound(year);
        }

        return View(new ScoringListPage(round, rounds.Today, await reviews.AssignmentsAsync(round, users.GetUserId(User)!, User.Identity!.Name!, cancellationToken)));
    }

    [HttpGet("{pass}/{code}")]
    public async Task<IActionResult> Sheet(int year, string pass, string code, CancellationToken cancellationToken) =>
        await WithSheetAsync(year, pass, code, sheet => Task.FromResult<IActionResult>(View(new ScoreSheetPage(sheet, null, null))), cancellationToken);

    [HttpPost("{pass}/{code}")]
    public async Task<IActionResult> Save(int year, string pass, string code, ScoreSheetInput input, CancellationToken cancellationToken) =>
        await WithSheetAsync(year, pass, code, async sheet =>
        {
            var submit = input.Command == "submit";
            var saved = await reviews.SaveAsync(sheet, users.GetUserId(User)!, User.Identity!.Name!, input.Scores, input.Comments, submit, cancellationToken);
            if (saved.Written)
            {
                TempData["Saved"] = localizer[submit ? "Scoring.Submitted" : "Scoring.Saved", sheet.BaseCode].Value;
                return RedirectToAction(nameof(Sheet), new { year, pass, code = sheet.BaseCode });
            }

            foreach (var (field, message) in saved.FieldErrors)
            {
                ModelState.AddModelError(field, message);
            }

            if (saved.Refusal is { } refusal)
            {
                ModelState.AddModelError("", refusal);
            }

            Response.StatusCode = saved.Refusal is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            return View(nameof(Sheet), new ScoreSheetPage(sheet, input, null));
        }, cancellationToken);

    [HttpPost("{pass}/{code}/conflict")]
    public async Task<IActionResult> DeclareConflict(int year, string pass, string code, [FromForm] string? reason, CancellationToken cancellationToken) =>
        await WithSheetAsync(year, pass, code, async sheet =>
        {
            if (await reviews.DeclareConflictAsync(sheet, users.GetUserId(User)!, User.Identity!.Name!, reason, cancellationToken) is { } problem)
            {
                ModelState.AddModelError("Reason", problem);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View(nameof(Sheet), new ScoreSheetPage(sheet, null, reason));
            }

            TempData["Saved"] = localizer["Scoring.ConflictDeclared", sheet.BaseCode].Value;
            return RedirectToAction(nameof(Index), new { year });
        }, cancellationToken);

    private async Task<IActionResult> WithSheetAsync(int year, string pass, string code, Func<ScoreSheet, Task<IActionResult>> then, CancellationToken cancellationToken)
    {
        if (await rounds.FindAsync(year, cancellationToken) is not { } round)
        {
            return NoRound(year);
        }

        if (!Enum.TryParse<ReviewPass>(pass, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(pass, out _))
        {
            return ValidationExtensions.PlainRefusal(StatusCodes.Status404NotFound, [localizer["Scoring.UnknownPass", pass]]);
        }

        // No seat, no sheet: an expert cannot even learn whether a base outside their groups exists in the round.
        return await reviews.SheetAsync(round, parsed, code, users.GetUserId(User)!, User.Identity!.Name!, cancellationToken) is { } sheet
            ? await then(sheet)
            : ValidationExtensions.PlainRefusal(StatusCodes.Status404NotFound, [localizer["Scoring.NoSeat", code, year]]);
    }

    private ContentResult NoRound(int year) =>
        ValidationExtensions.PlainRefusal(StatusCodes.Status404NotFound, [localizer["ExpertScores.NoRound", year]]);
}
