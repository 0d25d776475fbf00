using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Import;
using MieEvaluation.Web.Setup;
using MieEvaluation.Web.ViewModels.Import;

namespace MieEvaluation.Web.Controllers;

/// <summary>
/// The import pipeline of the pages: upload → preview → confirm, the same for every <see cref="IImportKind"/>. The
/// upload is kept under a token bound to the user between preview and confirmation, with what the preview saw.
/// </summary>
public abstract class ImportFlowController(
    IImportKind kind, UploadStore uploads, ImportOptions options, UserManager<AppUser> users, IStringLocalizer<SharedResource> localizer,
    TimeProvider clock) : Controller
{
    protected IStringLocalizer<SharedResource> Localizer => localizer;

    protected TimeProvider Clock => clock;

    /// <summary>The message shown once a confirmed import is done.</summary>
    protected abstract string Done(ImportAnalysis analysis);

    /// <summary>The kind's upload page (its own <c>Index</c> view).</summary>
    [HttpGet("")]
    public IActionResult Index() => UploadPage(null);

    [HttpPost("")]
    [EnableRateLimiting(SecuritySetup.ImportRateLimit)]
    [RequestSizeLimit(100 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 100 * 1024 * 1024)]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return Refuse(localizer[file is null ? "Import.NoFile" : "Import.Empty"]);
        }

        var userId = users.GetUserId(User)!;
        await using var stream = file.OpenReadStream();
        await using var scratch = file.Length > options.MaxFileBytes ? null : await UploadStore.ReceiveAsync(stream, options.MaxFileBytes, cancellationToken);
        if (scratch is null)
        {
            return Refuse(localizer["Import.TooLarge", options.MaxFileBytes / (1024 * 1024)]);
        }

        var analysis = await kind.PreviewAsync(scratch.Path, User, cancellationToken);
        var token = analysis.CanCommit ? await uploads.KeepAsync(scratch, userId, kind.NoteOf(analysis), cancellationToken) : null;
        return Preview(token, Path.GetFileName(file.FileName), analysis);
    }

    [HttpPost("confirm")]
    [EnableRateLimiting(SecuritySetup.ImportRateLimit)]
    public async Task<IActionResult> Confirm([FromForm] string? token, [FromForm] string? fileName, [FromForm] bool approve, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        if (await uploads.TakeOutAsync(token, userId, cancellationToken) is not var (scratch, note))
        {
            return Refuse(localizer["Import.Expired"]);
        }

        await using var _ = scratch;
        var name = Path.GetFileName(fileName ?? "upload.csv");
        var analysis = await kind.CommitAsync(scratch.Path, name.Length > 200 ? name[..200] : name, User, approve, note, cancellationToken);
        await uploads.DeleteAsync(token!, userId, cancellationToken);
        if (!analysis.CanCommit)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Preview(null, name, analysis);
        }

        TempData["Message"] = Done(analysis);
        return RedirectToAction("Index");
    }

    private ViewResult Preview(string? token, string fileName, ImportAnalysis analysis) =>
        View("ImportPreview", new ImportPreview(token, fileName, analysis, kind.CanApprove(User), ControllerContext.ActionDescriptor.ControllerName));

    private ViewResult Refuse(string message)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        ModelState.AddModelError("", message);
        return UploadPage(message);
    }

    /// <summary>The upload page, with a problem when a file was refused.</summary>
    private ViewResult UploadPage(string? problem) => View("Index", new ImportPage(problem, Domain.Evaluation.EvaluationRound.DataYear(clock.GetUtcNow())));
}
