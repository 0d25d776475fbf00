using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using MieEvaluation.Web.Services.Import;

namespace MieEvaluation.Web.Controllers.Api;

/// <summary>
/// The import pipeline through the API, for any <see cref="IImportKind"/>: the body is copied to a scratch file for the request, then
/// previewed (<c>dryRun</c>) or committed at once (the commit checks every form inside its transaction); the answer is JSON.
/// </summary>
internal static class ApiImport
{
    public const string WorkbookContentType = Services.Exports.XlsxExport.ContentType;

    public static async Task<IActionResult> RunAsync(ControllerBase controller, IImportKind kind, ImportOptions options,
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
        if (controller.Request.ContentLength > options.MaxFileBytes)
        {
            return TooLarge(controller, options);
        }

        ScratchFile? scratch = null;
        try
        {
            scratch = await UploadStore.ReceiveAsync(controller.Request.Body, options.MaxFileBytes, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's own limit, where the feature could not be raised: the same answer as ours.
        }

        if (scratch is null)
        {
            return TooLarge(controller, options);
        }

        // One request from body to answer: the body never leaves this request's scratch file.
        await using (scratch)
        {
            var analysis = await Run(scratch.Path);
            var forms = analysis.Forms ?? [];
            var body = new ImportResult(analysis.NewValues, analysis.ChangedValues, analysis.UnchangedValues,
                analysis.Errors.Select(e => new ImportError(e.Line, e.Message)).ToList(), analysis.Warnings,
                forms.Count(f => f.Ready), forms.Count(f => !f.Ready),
                // Every changed form up to 1,000 (a 12,000-base import changes 120,000): its status after and why not submitted.
                forms.Take(MaxListedForms).Select(f => new ImportedFormResult(f.BaseCode, f.Year, Lower(f.Before), Lower(f.After)!,
                    f.Problems.Select(p => new FormProblemResult(p.IndicatorId, p.Kind.ToString())).ToList())).ToList());
            return analysis.Errors.Count > 0 ? controller.UnprocessableEntity(body) : controller.Ok(body);
        }
    }

    private const int MaxListedForms = 1_000;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1308", Justification = "Statuses are lower-case codes in the API.")]
    private static string? Lower(Domain.Evaluation.SubmissionStatus? status) => status?.ToString().ToLowerInvariant();

    private static ObjectResult TooLarge(ControllerBase controller, ImportOptions options) =>
        controller.Problem(detail: $"The body is larger than {options.MaxFileBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
}

/// <summary>What an import through the API answers (docs/api.md).</summary>
public sealed record ImportResult(int NewValues, int ChangedValues, int UnchangedValues, IReadOnlyList<ImportError> Errors, IReadOnlyList<string> Warnings,
    int FormsReady, int FormsDraft, IReadOnlyList<ImportedFormResult> Forms);

public sealed record ImportError(int Line, string Message);

public sealed record ImportedFormResult(string BaseCode, int Year, string? Before, string After, IReadOnlyList<FormProblemResult> Problems);

public sealed record FormProblemResult(int IndicatorId, string Kind);
