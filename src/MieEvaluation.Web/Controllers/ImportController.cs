using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Import;

namespace MieEvaluation.Web.Controllers;

/// <summary>CSV import of yearly values: upload → preview → confirm (<see cref="ImportFlowController"/>), and the templates.</summary>
[Route("import")]
[Authorize(Policy = Policies.ImportValues)]
public sealed class ImportController(
    ValueImportKind kind, UploadStore uploads, ImportOptions options, UserManager<AppUser> users, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
    : ImportFlowController(kind, uploads, options, users, localizer, clock)
{
    [HttpGet("template/long.csv")]
    [HttpGet("template/long.xlsx")]
    public IActionResult LongTemplate([FromServices] ImportTemplates templates) => Template(templates.LongTemplate());

    /// <summary>The wide template for a year (default: this year), one row per base the user may import for.</summary>
    [HttpGet("template/wide.csv")]
    [HttpGet("template/wide.xlsx")]
    public async Task<IActionResult> WideTemplate([FromServices] ImportTemplates templates, int? year)
    {
        var chosen = year is >= 2016 and <= 9999 ? year.Value : Domain.Evaluation.EvaluationRound.DataYear(Clock.GetUtcNow());
        return Template(await templates.WideTemplateAsync(User, chosen));
    }

    private IActionResult Template(Services.Exports.ExportTable table) =>
        ExportRequests.Write(this, table, ExportRequests.FileFormatOf(Request), Localizer);

    protected override string Done(ImportAnalysis analysis) =>
        Localizer["Import.Done", analysis.NewValues, analysis.ChangedValues, analysis.UnchangedValues].Value + " " +
        Localizer["Import.DoneForms", analysis.Forms?.Count(f => f.Ready) ?? 0, analysis.Forms?.Count(f => !f.Ready) ?? 0].Value;
}
