using Microsoft.AspNetCore.Mvc;
using MieEvaluation.Web.Services.Import;

namespace MieEvaluation.Web.Controllers.Api;

/// <summary>An API import: the CSV body is stored like an upload, then analysed or committed; the answer is JSON.</summary>
internal static class ApiImport
{
    public static async Task<IActionResult> RunAsync(ControllerBase controller, UploadStore uploads, ImportOptions options, string userId,
        Func<string, Task<ImportAnalysis>> run, CancellationToken cancellationToken)
    {
        var token = await uploads.SaveAsync(controller.Request.Body, userId, options.MaxFileBytes, cancellationToken);
        if (token is null)
        {
            return controller.Problem(detail: $"The body is larger than {options.MaxFileBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        try
        {
            var analysis = await run(uploads.Find(token, userId)!);
            var body = new
            {
                newValues = analysis.NewValues,
                changedValues = analysis.ChangedValues,
                unchangedValues = analysis.UnchangedValues,
                errors = analysis.Errors.Select(e => new { line = e.Line, message = e.Message }),
                warnings = analysis.Warnings,
            };
            return analysis.Errors.Count > 0 ? controller.UnprocessableEntity(body) : controller.Ok(body);
        }
        finally
        {
            uploads.Delete(token, userId);
        }
    }
}
