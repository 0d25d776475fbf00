using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Home;
using MieEvaluation.Web.ViewModels.Home;

namespace MieEvaluation.Web.Controllers;

/// <summary>The landing page: for each role the user holds, what to do next in the current round.</summary>
public sealed class HomeController(MieDbContext db, WorkOverviewService work, IAuthorizationService authorization, TimeProvider clock) : Controller
{
    [HttpGet("/")]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var page = new HomePage(
            await db.Bases.CountAsync(cancellationToken),
            await db.Indicators.CountAsync(i => i.IsActive, cancellationToken),
            await db.Bases.Select(b => b.ProvinceId).Distinct().CountAsync(cancellationToken));
        // Each section appears under the same policy as the page its links open.
        var round = EvaluationRound.DataYear(clock.GetUtcNow());
        var figures = await MayAsync(Policies.ViewFigures);
        var administers = await MayAsync(Policies.Administer);
        return View(page with
        {
            Round = round,
            HoldsARole = Roles.All.Any(User.IsInRole),
            Evaluator = await MayAsync(Policies.EnterData) ? await work.EvaluatorAsync(User, round) : null,
            Reviewer = await MayAsync(Policies.Review) ? await work.ReviewerAsync(round) : null,
            Headline = figures ? await work.HeadlineAsync(cancellationToken) : null,
            Progress = figures || administers ? await work.ProgressAsync(round, cancellationToken) : null,
            Exports = await MayAsync(Policies.Export),
            Setup = administers ? await work.SetupAsync(round, cancellationToken) : null,
        });
    }

    private async Task<bool> MayAsync(string policy) => (await authorization.AuthorizeAsync(User, policy)).Succeeded;
}
