using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Review;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Registry;
using MieEvaluation.Web.Services.Review;
using MieEvaluation.Web.ViewModels.Review;

namespace MieEvaluation.Web.Controllers;

/// <summary>
/// A base's self-evaluation of a round: its contact writes the four sections and adds evidence while the stage is
/// open, then submits; once submitted, the base's experts and the roles that view figures read it.
/// </summary>
[Route("bases/{code}/self-evaluation/{year:int}")]
[Authorize(Policy = Policies.BaseContent)]
public sealed class SelfEvaluationController(SelfEvaluations evaluations, EvidenceStore evidence, BasePageService bases,
    IAuthorizationService authorization, RoundPageAccess access, IStringLocalizer<SharedResource> localizer) : Controller
{
    /// <summary>Twice the file limit: a file somewhat too large still reaches the store's own check and its message.</summary>
    private const long UploadLimit = 2 * EvidenceFiles.MaxBytes;

    [HttpGet("")]
    public async Task<IActionResult> Index(string code, int year, CancellationToken cancellationToken) =>
        await access.RunAsync(this, code, year, BaseOperations.ReadRound, (round, baseId) => PageAsync(code, round, baseId, null, null, cancellationToken), cancellationToken);

    [HttpPost("")]
    public async Task<IActionResult> Save(string code, int year, SelfEvaluationInput input, CancellationToken cancellationToken) =>
        await access.RunAsync(this, code, year, BaseOperations.WriteSelfEvaluation, async (round, baseId) =>
        {
            var submit = input.Command == "submit";
            var saved = await evaluations.SaveAsync(round, baseId, input.Version, input.Sections(), submit, User.Identity!.Name!, cancellationToken);
            if (saved.Written)
            {
                TempData["Saved"] = localizer[submit ? "SelfEvaluation.SubmittedNow" : "SelfEvaluation.Saved"].Value;
                return RedirectToAction(nameof(Index), new { code, year });
            }

            foreach (var (field, message) in saved.FieldErrors)
            {
                ModelState.AddModelError(field, message);
            }

            if (saved.Refusal is not null || saved.Conflict)
            {
                ModelState.AddModelError("", saved.Refusal ?? localizer["SelfEvaluation.Conflict"]);
            }

            Response.StatusCode = saved.FieldErrors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            return await PageAsync(code, round, baseId, input, null, cancellationToken);
        }, cancellationToken);

    [HttpPost("evidence")]
    [RequestSizeLimit(UploadLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
    public async Task<IActionResult> AddEvidence(string code, int year, IFormFile? file, CancellationToken cancellationToken) =>
        await access.RunAsync(this, code, year, BaseOperations.WriteSelfEvaluation, async (round, baseId) =>
        {
            var (draft, refusal) = await evaluations.DraftForEvidenceAsync(round, baseId, User.Identity!.Name!, cancellationToken);
            if (draft is not null && file is not null)
            {
                await using var stream = file.OpenReadStream();
                refusal = await evidence.AddAsync(EvidenceOwner.SelfEvaluation, draft.Id, round, baseId, file.FileName, stream, User.Identity!.Name!, cancellationToken);
            }
            else
            {
                refusal ??= localizer["Import.NoFile"];
            }

            if (refusal is null)
            {
                TempData["Saved"] = localizer["Evidence.Added", file!.FileName].Value;
                return RedirectToAction(nameof(Index), new { code, year });
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await PageAsync(code, round, baseId, null, refusal, cancellationToken);
        }, cancellationToken);

    [HttpPost("evidence/{id:long}/remove")]
    public async Task<IActionResult> RemoveEvidence(string code, int year, long id, CancellationToken cancellationToken) =>
        await access.RunAsync(this, code, year, BaseOperations.WriteSelfEvaluation, async (round, baseId) =>
        {
            var (draft, refusal) = await evaluations.DraftForEvidenceAsync(round, baseId, User.Identity!.Name!, cancellationToken);
            if (draft is null || !await evidence.RemoveAsync(EvidenceOwner.SelfEvaluation, draft.Id, round, baseId, id, User.Identity!.Name!, cancellationToken))
            {
                Response.StatusCode = draft is null ? StatusCodes.Status409Conflict : StatusCodes.Status404NotFound;
                return await PageAsync(code, round, baseId, null, refusal ?? localizer["Evidence.NotFound"], cancellationToken);
            }

            return RedirectToAction(nameof(Index), new { code, year });
        }, cancellationToken);

    private async Task<IActionResult> PageAsync(string code, ReviewRound round, int baseId, SelfEvaluationInput? input, string? evidenceProblem,
        CancellationToken cancellationToken)
    {
        var saved = await evaluations.FindAsync(round.Id, baseId, cancellationToken);
        var isContact = (await authorization.AuthorizeAsync(User, new BaseYear(baseId, round.DataYear), BaseOperations.WriteSelfEvaluation)).Succeeded;
        // A draft is the contact's own work: others (administrators aside) see that it is not submitted, not its text.
        var shown = saved is not null && (saved.IsSubmitted || isContact || User.IsInRole(Roles.Administrator)) ? saved : null;
        var files = shown is null ? [] : await evidence.ListAsync(EvidenceOwner.SelfEvaluation, shown.Id, cancellationToken);
        return View("Index", new SelfEvaluationPage(await bases.NameAsync(baseId, cancellationToken), round, shown, saved?.IsSubmitted ?? false, files,
            isContact ? evaluations.Refusal(round, saved) : null, isContact, input, evidenceProblem,
            isContact || User.IsInRole(Roles.Administrator) ? await evaluations.HistoryAsync(round.Id, baseId, cancellationToken) : []));
    }
}
