using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Review;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Registry;
using MieEvaluation.Web.Services.Review;

namespace MieEvaluation.Web.Controllers;

/// <summary>
/// The one way into a page about a base in a round (its self-evaluation, its visits): the base by its code (404), the
/// operation authorized for the base and year (403), the round of the year (404), then the page's own work.
/// </summary>
public sealed class RoundPageAccess(ReviewRounds rounds, BasePageService bases, IAuthorizationService authorization, IStringLocalizer<SharedResource> localizer)
{
    public async Task<IActionResult> RunAsync(ControllerBase controller, string code, int year, OperationAuthorizationRequirement operation,
        Func<ReviewRound, int, Task<IActionResult>> then, CancellationToken cancellationToken)
    {
        if (await bases.FindIdAsync(code, cancellationToken) is not { } baseId)
        {
            return ValidationExtensions.PlainRefusal(StatusCodes.Status404NotFound, [localizer["Report.UnknownBase", code]]);
        }

        if (!(await authorization.AuthorizeAsync(controller.User, new BaseYear(baseId, year), operation)).Succeeded)
        {
            return controller.Forbid();
        }

        return await rounds.FindAsync(year, cancellationToken) is { } round
            ? await then(round, baseId)
            : ValidationExtensions.PlainRefusal(StatusCodes.Status404NotFound, [localizer["ExpertScores.NoRound", year]]);
    }
}
