using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Review;
using MieEvaluation.Web.ViewModels.Review;

namespace MieEvaluation.Web.Controllers;

/// <summary>Administrators choose the cross review's sample: which second group re-scores which base.</summary>
[Route("evaluation/rounds/{year:int}/cross-review")]
[Authorize(Policy = Policies.Administer)]
public sealed class CrossReviewController(ReviewRounds rounds, CrossReviews crossReviews, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int year, CancellationToken cancellationToken)
    {
        if (await rounds.FindAsync(year, cancellationToken) is not { } round)
        {
            return ValidationExtensions.PlainRefusal(StatusCodes.Status404NotFound, [localizer["ExpertScores.NoRound", year]]);
        }

        var (bases, groups) = await crossReviews.OverviewAsync(round, cancellationToken);
        return View(new CrossReviewPage(round, bases, groups));
    }

    [HttpPost("")]
    public async Task<IActionResult> Assign(int year, [FromForm] int? baseId, [FromForm] int? groupId, CancellationToken cancellationToken)
    {
        if (await rounds.FindAsync(year, cancellationToken) is not { } round)
        {
            return ValidationExtensions.PlainRefusal(StatusCodes.Status404NotFound, [localizer["ExpertScores.NoRound", year]]);
        }

        var refusal = baseId is { } id
            ? await crossReviews.AssignAsync(round, id, groupId, User.Identity!.Name!, cancellationToken)
            : localizer["CrossReview.NoOwnGroup", "—", year].Value;
        if (refusal is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            ModelState.AddModelError("", refusal);
            var (bases, groups) = await crossReviews.OverviewAsync(round, cancellationToken);
            return View(nameof(Index), new CrossReviewPage(round, bases, groups));
        }

        TempData["Saved"] = localizer["CrossReview.Saved"].Value;
        return RedirectToAction(nameof(Index), new { year });
    }
}
