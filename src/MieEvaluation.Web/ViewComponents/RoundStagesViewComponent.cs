using Microsoft.AspNetCore.Mvc;
using MieEvaluation.Web.Services.Review;

namespace MieEvaluation.Web.ViewComponents;

/// <summary>The current round's stages and their state today, for the home page of every role (nothing when no round is set up).</summary>
public sealed class RoundStagesViewComponent(ReviewRounds rounds) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View((await rounds.CurrentAsync(HttpContext.RequestAborted), rounds.CurrentDataYear, rounds.Today));
}
