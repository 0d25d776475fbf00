using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Evaluation;
using MieEvaluation.Web.Services.Review;
using MieEvaluation.Web.ViewModels.Review;

namespace MieEvaluation.Web.Controllers;

/// <summary>
/// Administrators set up each data year's evaluation round: when the self-evaluation, the experts' review, the site
/// visits and the cross review open and close, and the round's settings. Every role sees the current round's stages
/// on its home page.
/// </summary>
[Route("evaluation/rounds")]
[Authorize(Policy = Policies.Administer)]
public sealed class RoundsController(ReviewRounds rounds, SchemeStore schemes, IValidator<RoundInput> validator, IStringLocalizer<SharedResource> localizer)
    : Controller
{
    [HttpGet("")]
    public IActionResult Index() => RedirectToAction(nameof(Edit), new { year = rounds.CurrentDataYear });

    [HttpGet("{year:int}")]
    public async Task<IActionResult> Edit(int year, CancellationToken cancellationToken)
    {
        if (RefuseYear(year) is { } refusal)
        {
            return refusal;
        }

        var saved = await rounds.FindAsync(year, cancellationToken);
        return View(await PageAsync(year, RoundInput.Of(saved), saved, conflict: false, cancellationToken));
    }

    [HttpPost("{year:int}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Save(int year, RoundInput input, CancellationToken cancellationToken)
    {
        if (RefuseYear(year) is { } refusal)
        {
            return refusal;
        }

        if (!(await validator.ValidateAsync(input, cancellationToken)).AddTo(ModelState))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Edit), await PageAsync(year, input, await rounds.FindAsync(year, cancellationToken), conflict: false, cancellationToken));
        }

        if (await rounds.SaveAsync(year, input.Version, input.CopyTo, User.Identity?.Name ?? "", cancellationToken) == RoundSave.Conflict)
        {
            // Someone saved meanwhile: show theirs, keep the visitor's input in view, write nothing.
            Response.StatusCode = StatusCodes.Status409Conflict;
            var theirs = await rounds.FindAsync(year, cancellationToken);
            ModelState.Clear();
            return View(nameof(Edit), await PageAsync(year, RoundInput.Of(theirs), theirs, conflict: true, cancellationToken));
        }

        TempData["Saved"] = localizer["Round.Saved", year].Value;
        return RedirectToAction(nameof(Edit), new { year });
    }

    private async Task<RoundPage> PageAsync(int year, RoundInput input, Domain.Review.ReviewRound? saved, bool conflict, CancellationToken cancellationToken) =>
        new(year, input, saved, rounds.Today, await rounds.ListAsync(cancellationToken),
            [.. (await schemes.LatestAsync(cancellationToken)).Select(s => s.Code)], conflict);

    private ContentResult? RefuseYear(int year) =>
        rounds.IsRoundYear(year)
            ? null
            : ValidationExtensions.PlainRefusal(StatusCodes.Status404NotFound, [localizer["Round.BadYear", year, ReviewRounds.FirstYear, rounds.LastYear]]);
}
