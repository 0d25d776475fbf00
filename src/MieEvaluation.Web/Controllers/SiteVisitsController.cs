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
/// A base's site visits in a round: read by those who read its round (<see cref="BaseOperations.ReadRound"/>),
/// recorded by the leader of its group (<see cref="BaseOperations.RecordVisit"/>) with evidence files.
/// </summary>
[Route("evaluation/rounds/{year:int}/visits/{code}")]
[Authorize(Policy = Policies.BaseContent)]
public sealed class SiteVisitsController(ReviewRounds rounds, SiteVisits visits, EvidenceStore evidence, BasePageService bases, IAuthorizationService authorization,
    RoundPageAccess access, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const long UploadLimit = 2 * EvidenceFiles.MaxBytes;

    [HttpGet("")]
    public async Task<IActionResult> Index(int year, string code, CancellationToken cancellationToken) =>
        await access.RunAsync(this, code, year, BaseOperations.ReadRound, (round, baseId) => PageAsync(round, baseId, null, null, cancellationToken), cancellationToken);

    [HttpPost("")]
    public async Task<IActionResult> Record(int year, string code, SiteVisitInput input, CancellationToken cancellationToken) =>
        await access.RunAsync(this, code, year, BaseOperations.RecordVisit, async (round, baseId) =>
        {
            var errors = await visits.RecordAsync(round, baseId, input.ToRecord(), User.Identity!.Name!, cancellationToken);
            if (errors.Count == 0)
            {
                TempData["Saved"] = localizer["SiteVisit.Recorded"].Value;
                return RedirectToAction(nameof(Index), new { year, code });
            }

            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError(field, message);
            }

            Response.StatusCode = errors.ContainsKey("") ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return await PageAsync(round, baseId, input, null, cancellationToken);
        }, cancellationToken);

    [HttpPost("{visitId:int}/evidence")]
    [RequestSizeLimit(UploadLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
    public async Task<IActionResult> AddEvidence(int year, string code, int visitId, IFormFile? file, CancellationToken cancellationToken) =>
        await access.RunAsync(this, code, year, BaseOperations.RecordVisit, async (round, baseId) =>
        {
            if (!await visits.ExistsAsync(round, baseId, visitId, cancellationToken))
            {
                return ValidationExtensions.PlainRefusal(StatusCodes.Status404NotFound, [localizer["SiteVisit.NotFound"]]);
            }

            var refusal = round.StateOf(ReviewStage.SiteVisit, rounds.Today) != StageState.Open
                ? ScorerRefusalText.StageNotOpen(localizer, round, ReviewStage.SiteVisit)
                : file is null ? localizer["Import.NoFile"].Value : null;
            if (refusal is null)
            {
                await using var stream = file!.OpenReadStream();
                refusal = await evidence.AddAsync(EvidenceOwner.SiteVisit, visitId, round, baseId, file.FileName, stream, User.Identity!.Name!, cancellationToken);
            }

            if (refusal is null)
            {
                TempData["Saved"] = localizer["Evidence.Added", file!.FileName].Value;
                return RedirectToAction(nameof(Index), new { year, code });
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await PageAsync(round, baseId, null, refusal, cancellationToken);
        }, cancellationToken);

    private async Task<IActionResult> PageAsync(ReviewRound round, int baseId, SiteVisitInput? input, string? evidenceProblem, CancellationToken cancellationToken)
    {
        var canRecord = (await authorization.AuthorizeAsync(User, new BaseYear(baseId, round.DataYear), BaseOperations.RecordVisit)).Succeeded;
        var choices = await visits.ChoicesAsync(round, baseId, cancellationToken);
        return View("Index", new SiteVisitPage(await bases.NameAsync(baseId, cancellationToken), round, await visits.ListAsync(round, baseId, cancellationToken),
            choices, canRecord ? visits.Refusal(round, choices) : null, canRecord, input ?? new SiteVisitInput(), evidenceProblem));
    }
}
