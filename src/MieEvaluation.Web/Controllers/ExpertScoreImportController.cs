using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Import;
using MieEvaluation.Web.Services.Review;

namespace MieEvaluation.Web.Controllers;

/// <summary>
/// Administrators import the experts' scores of the current round scored on paper: upload → preview → confirm, the
/// same pipeline and checks as <c>POST /api/v1/evaluation/rounds/{year}/expert-scores</c>.
/// </summary>
[Route("evaluation/rounds/expert-scores/import")]
[Authorize(Policy = Policies.Administer)]
public sealed class ExpertScoreImportController(
    ExpertScoreImportKind kind, UploadStore uploads, ImportOptions options, UserManager<AppUser> users, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
    : ImportFlowController(kind, uploads, options, users, localizer, clock)
{
    protected override string Done(ImportAnalysis analysis) => Localizer["ExpertScores.Import.Done", analysis.NewValues, analysis.ChangedValues].Value;
}
