using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Review;
using MieEvaluation.Web.ViewModels.Review;

namespace MieEvaluation.Web.Controllers;

/// <summary>
/// The experts' results of a round once its review is closed (blind until then): aggregates, Kendall's W, the
/// experts flagged, the cross review side by side. For the roles that view figures; a group's leader sees their group's.
/// </summary>
[Route("evaluation/rounds/{year:int}/results")]
public sealed class RoundResultsController(ExpertResults results, MieDbContext db, Microsoft.AspNetCore.Identity.UserManager<AppUser> users,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int year, CancellationToken cancellationToken)
    {
        var readsAll = BaseAuthorizationHandler.FigureReaders.Any(User.IsInRole);
        var userId = users.GetUserId(User);
        var led = readsAll || !User.IsInRole(Roles.Evaluator) ? [] : await db.ExpertGroupMembers.AsNoTracking()
            .Where(m => m.UserId == userId && m.IsLeader && m.Group.Year == year).Select(m => m.Group.Name).ToListAsync(cancellationToken);
        if (!readsAll && led.Count == 0)
        {
            return Forbid();
        }

        var (document, refusal) = await results.ForRoundAsync(year, cancellationToken);
        if (document is null)
        {
            Response.StatusCode = refusal == ExpertResultsRefusal.NoRound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict;
            var key = refusal switch
            {
                ExpertResultsRefusal.NoRound => "ExpertScores.NoRound",
                ExpertResultsRefusal.NoCriteria => "ExpertScores.NoCriteria",
                _ => "ExpertScores.StillOpen",
            };
            return View(new RoundResultsPage(year, null, refusal == ExpertResultsRefusal.NoCriteria ? localizer[key, "—"] : localizer[key, year]));
        }

        if (!readsAll)
        {
            // A leader sees their own group: its bases' results, its agreement, its flagged experts, its cross review.
            var bases = await db.ExpertGroupBases.AsNoTracking().Where(a => a.Year == year && led.Contains(a.Group.Name)).Select(a => a.Base.Code)
                .ToListAsync(cancellationToken);
            document = document with
            {
                Results = [.. document.Results.Where(r => bases.Contains(r.BaseCode))],
                Agreement = [.. document.Agreement.Where(a => led.Contains(a.Group))],
                Flagged = [.. document.Flagged.Where(f => led.Contains(f.Group))],
                CrossReview = document.CrossReview with { Rows = [.. document.CrossReview.Rows.Where(r => led.Contains(r.OwnGroup) || led.Contains(r.CrossGroup))] },
            };
        }

        return View(new RoundResultsPage(year, document, null));
    }
}
