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

/// <summary>Administrators add and update bases from a CSV with the registry's columns: upload → preview → confirm.</summary>
[Route("admin/bases/import")]
[Authorize(Policy = Policies.Administer)]
public sealed class RegistryImportController(
    RegistryImportService registry, UploadStore uploads, ImportOptions options, UserManager<AppUser> users,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new ImportPage(null, DateTime.UtcNow.Year));

    [HttpPost("")]
    [EnableRateLimiting(SecuritySetup.ImportRateLimit)]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return Refuse(localizer[file is null ? "Import.NoFile" : "Import.Empty"]);
        }

        var userId = users.GetUserId(User)!;
        await using var stream = file.OpenReadStream();
        if (file.Length > options.MaxFileBytes || await uploads.SaveAsync(stream, userId, options.MaxFileBytes, cancellationToken) is not { } token)
        {
            return Refuse(localizer["Import.TooLarge", options.MaxFileBytes / (1024 * 1024)]);
        }

        var analysis = await registry.AnalyseAsync(uploads.Find(token, userId)!, cancellationToken);
        if (!analysis.CanCommit)
        {
            uploads.Delete(token, userId);
        }

        return View("Preview", new ImportPreview(token, Path.GetFileName(file.FileName), analysis, false));
    }

    [HttpPost("confirm")]
    public async Task<IActionResult> Confirm([FromForm] string? token, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        if (uploads.Find(token, userId) is not { } path)
        {
            return Refuse(localizer["Import.Expired"]);
        }

        var analysis = await registry.CommitAsync(path, cancellationToken);
        uploads.Delete(token!, userId);
        TempData["Message"] = localizer["Registry.Import.Done", analysis.NewValues, analysis.ChangedValues].Value;
        return RedirectToAction(nameof(Index));
    }

    private ViewResult Refuse(string message)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        ModelState.AddModelError("", message);
        return View(nameof(Index), new ImportPage(message, DateTime.UtcNow.Year));
    }
}
