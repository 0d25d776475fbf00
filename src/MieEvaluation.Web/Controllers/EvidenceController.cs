using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Review;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Review;

namespace MieEvaluation.Web.Controllers;

/// <summary>
/// Downloads an evidence file — always as an attachment, with the type its bytes have, sandboxed — for those who may
/// read what it is attached to: a submitted self-evaluation or a site visit (<see cref="BaseOperations.ReadRound"/>),
/// a draft only by its base's contact and administrators.
/// </summary>
[Route("evidence")]
[Authorize(Policy = Policies.BaseContent)]
public sealed class EvidenceController(EvidenceStore evidence, MieDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> localizer)
    : Controller
{
    [HttpGet("{id:long}")]
    public async Task<IActionResult> Download(long id, CancellationToken cancellationToken)
    {
        var file = await evidence.FindAsync(id, cancellationToken);
        var owner = file is null ? null : await OwnerAsync(file, cancellationToken);
        if (file is null || owner is null)
        {
            return ValidationExtensions.PlainRefusal(StatusCodes.Status404NotFound, [localizer["Evidence.NotFound"]]);
        }

        var (baseId, dataYear, draft) = owner.Value;
        var resource = new BaseYear(baseId, dataYear);
        var allowed = draft
            ? User.IsInRole(Roles.Administrator) || (await authorization.AuthorizeAsync(User, resource, BaseOperations.WriteSelfEvaluation)).Succeeded
            : (await authorization.AuthorizeAsync(User, resource, BaseOperations.ReadRound)).Succeeded;
        if (!allowed)
        {
            return Forbid();
        }

        // Never rendered by the browser: a download, of the sniffed type, and a sandbox should anything open it inline.
        Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        Response.Headers.CacheControl = "private, no-store";
        return File(file.Content, EvidenceFiles.ContentType(file.Kind), file.FileName);
    }

    /// <summary>The base and data year the file belongs to, and whether it belongs to a draft self-evaluation.</summary>
    private async Task<(int BaseId, int DataYear, bool Draft)?> OwnerAsync(Evidence file, CancellationToken cancellationToken)
    {
        if (file.Owner == EvidenceOwner.SelfEvaluation)
        {
            var evaluation = await (from e in db.SelfEvaluations.AsNoTracking()
                                    join r in db.ReviewRounds on e.RoundId equals r.Id
                                    where e.Id == file.OwnerId
                                    select new { e.BaseId, r.DataYear, e.SubmittedAtUtc }).SingleOrDefaultAsync(cancellationToken);
            return evaluation is null ? null : (evaluation.BaseId, evaluation.DataYear, evaluation.SubmittedAtUtc is null);
        }

        var visit = await (from v in db.SiteVisits.AsNoTracking()
                           join r in db.ReviewRounds on v.RoundId equals r.Id
                           where v.Id == file.OwnerId
                           select new { v.BaseId, r.DataYear }).SingleOrDefaultAsync(cancellationToken);
        return visit is null ? null : (visit.BaseId, visit.DataYear, false);
    }
}
