using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Import;
using MieEvaluation.Web.Setup;
using MieEvaluation.Web.ViewModels.Import;

namespace MieEvaluation.Web.Controllers;

/// <summary>CSV import of yearly values: upload → preview → confirm.</summary>
[Route("import")]
[Authorize(Policy = Policies.ImportValues)]
public sealed class ImportController(
    ValueImportService imports, UploadStore uploads, ImportOptions options, UserManager<AppUser> users,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new ImportPage(null, DateTime.UtcNow.Year));

    [HttpGet("template/long.csv")]
    public IActionResult LongTemplate() => File(ImportTemplates.LongFormat(), "text/csv; charset=utf-8", "mie-values-long.csv");

    [HttpGet("template/wide.csv")]
    public async Task<IActionResult> WideTemplate([FromServices] ImportTemplates templates, int? year)
    {
        var chosen = year is >= 2016 and <= 9999 ? year.Value : DateTime.UtcNow.Year;
        return File(await templates.WideAsync(User, chosen), "text/csv; charset=utf-8", $"mie-values-wide-{chosen}.csv");
    }

    [HttpPost("")]
    [EnableRateLimiting(SecuritySetup.ImportRateLimit)]
    [RequestSizeLimit(100 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 100 * 1024 * 1024)]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return Refuse(localizer["Import.NoFile"]);
        }

        if (file.Length == 0)
        {
            return Refuse(localizer["Import.Empty"]);
        }

        if (file.Length > options.MaxFileBytes)
        {
            return Refuse(localizer["Import.TooLarge", options.MaxFileBytes / (1024 * 1024)]);
        }

        var userId = users.GetUserId(User)!;
        await using var stream = file.OpenReadStream();
        var token = await uploads.SaveAsync(stream, userId, options.MaxFileBytes, cancellationToken);
        if (token is null)
        {
            return Refuse(localizer["Import.TooLarge", options.MaxFileBytes / (1024 * 1024)]);
        }

        var analysis = await imports.AnalyseAsync(uploads.Find(token, userId)!, User, cancellationToken);
        if (!analysis.CanCommit)
        {
            uploads.Delete(token, userId);
        }

        return View("Preview", new ImportPreview(token, Path.GetFileName(file.FileName), analysis, User.IsInRole(Roles.Reviewer)));
    }

    [HttpPost("confirm")]
    [EnableRateLimiting(SecuritySetup.ImportRateLimit)]
    public async Task<IActionResult> Confirm([FromForm] string? token, [FromForm] string? fileName, [FromForm] bool approve, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        if (uploads.Find(token, userId) is not { } path)
        {
            return Refuse(localizer["Import.Expired"]);
        }

        var name = Path.GetFileName(fileName ?? "upload.csv");
        var analysis = await imports.CommitAsync(path, name.Length > 200 ? name[..200] : name, User, approve, cancellationToken);
        uploads.Delete(token!, userId);
        if (!analysis.CanCommit)
        {
            return View("Preview", new ImportPreview(null, name, analysis, false));
        }

        TempData["Message"] = localizer["Import.Done", analysis.NewValues, analysis.ChangedValues, analysis.UnchangedValues].Value;
        return RedirectToAction(nameof(Index));
    }

    private ViewResult Refuse(string message)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        ModelState.AddModelError("", message);
        return View(nameof(Index), new ImportPage(message, DateTime.UtcNow.Year));
    }
}
