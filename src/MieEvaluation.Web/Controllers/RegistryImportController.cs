using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Import;

namespace MieEvaluation.Web.Controllers;

/// <summary>Administrators add and update bases from a CSV with the registry's columns: upload → preview → confirm.</summary>
[Route("admin/bases/import")]
[Authorize(Policy = Policies.Administer)]
public sealed class RegistryImportController(
    RegistryImportKind kind, UploadStore uploads, ImportOptions options, UserManager<AppUser> users, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
    : ImportFlowController(kind, uploads, options, users, localizer, clock)
{
    protected override string Done(ImportAnalysis analysis) => Localizer["Registry.Import.Done", analysis.NewValues, analysis.ChangedValues].Value;
}
