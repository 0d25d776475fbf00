using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using MieEvaluation.Web.Services.Import;

namespace MieEvaluation.Web.Controllers.Api;

/// <summary>
/// The import pipeline through the API, for any <see cref="IImportKind"/>: the CSV body is stored like an upload, then
/// previewed (<c>dryRun</c>) or committed at once (the commit checks every form inside its transaction); the answer is JSON.
/// </summary>
internal static class ApiImport
{
    public static async Task<IActionResult> RunAsync(ControllerBase controller, IImportKind kind, UploadStore uploads, ImportOptions options, string userId,
        bool dryRun, bool approve, CancellationToken cancellationToken)
    {
        var user = controller.User;
        Task<ImportAnalysis> Run(string path) =>
            dryRun ? kind.PreviewAsync(path, user, cancellationToken) : kind.CommitAsync(path, "api", user, approve, null, cancellationToken);

        // The server's own body limit (Kestrel: 30 MB) would cut a larger allowed file off with an exception; the
        // import's limit is Import:MaxFileBytes, checked while the body is stored.
        if (controller.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxFileBytes + 1;
        }

        // A declared length over the limit is refused before the body is read (a client sending "Expect: 100-continue"
        // then never sends it); a body that turns out longer is cut off while it is stored.
        string? token = null;
        if (controller.Request.ContentLength > options.MaxFileBytes)
        {
            return TooLarge(controller, options);
        }

        try
        {
            token = await uploads.SaveAsync(controller.Request.Body, userId, options.MaxFileBytes, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's own limit, where the feature could not be raised: the same answer as ours.
        }

        if (token is null)
        {
            return TooLarge(controller, options);
        }

        try
        {
            var analysis = await Run(uploads.Find(token, userId)!);
            var forms = analysis.Forms ?? [];
            var body = new
            {
                newValues = analysis.NewValues,
                changedValues = analysis.ChangedValues,
                unchangedValues = analysis.UnchangedValues,
                errors = analysis.Errors.Select(e => new { line = e.Line, message = e.Message }),
                warnings = analysis.Warnings,
                formsReady = forms.Count(f => f.Ready),
                formsDraft = forms.Count(f => !f.Ready),
                // Every changed form up to 1,000 (a 12,000-base import changes 120,000): its status after and why not submitted.
                forms = forms.Take(MaxListedForms).Select(f => new
                {
                    baseCode = f.BaseCode, year = f.Year, before = f.Before?.ToString().ToLowerInvariant(), after = f.After.ToString().ToLowerInvariant(),
                    problems = f.Problems.Select(p => new { indicatorId = p.IndicatorId, kind = p.Kind.ToString() }),
                }),
            };
            return analysis.Errors.Count > 0 ? controller.UnprocessableEntity(body) : controller.Ok(body);
        }
        finally
        {
            uploads.Delete(token, userId);
        }
    }

    private const int MaxListedForms = 1_000;

    private static ObjectResult TooLarge(ControllerBase controller, ImportOptions options) =>
        controller.Problem(detail: $"The body is larger than {options.MaxFileBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
}
