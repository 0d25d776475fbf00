using Microsoft.AspNetCore.Mvc;
using MieEvaluation.Domain.Review;
using MieEvaluation.Web.Services.Review;

namespace MieEvaluation.Web.ViewComponents;

/// <summary>The current round's stages, their state today and what is due from the user, for every role's home page (nothing when no round is set up).</summary>
public sealed class RoundStagesViewComponent(ReviewRounds rounds, RoundDuties duties) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var round = await rounds.CurrentAsync(HttpContext.RequestAborted);
        IReadOnlyList<RoundDuty> due = round is null ? [] : await duties.ForAsync(UserClaimsPrincipal, round, HttpContext.RequestAborted);
        return View(new RoundStagesModel(round, rounds.CurrentDataYear, rounds.Today, due));
    }
}

/// <summary>The current round (if any), its data year, today, and what is due from the user.</summary>
public sealed record RoundStagesModel(ReviewRound? Round, int DataYear, DateOnly Today, IReadOnlyList<RoundDuty> Duties);
