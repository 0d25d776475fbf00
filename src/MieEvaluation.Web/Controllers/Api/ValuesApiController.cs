using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Import;
using MieEvaluation.Web.Setup;

namespace MieEvaluation.Web.Controllers.Api;

/// <summary>Values in: the import of the pages (the values out are an export: <see cref="ExportsApiController.Values"/>).</summary>
public sealed class ValuesApiController : ApiControllerBase
{
    /// <summary>
    /// A long or wide table as the body: CSV (<c>text/csv</c>) or a workbook (<c>.xlsx</c>'s content type).
    /// <c>?dryRun=true</c> returns the preview; <c>?approve=true</c> lets a reviewer approve at once.
    /// </summary>
    [HttpPost("values/import")]
    [Authorize(Policy = Policies.ImportValues)]
    [EnableRateLimiting(SecuritySetup.ImportRateLimit)]
    [Consumes("text/csv", ApiImport.WorkbookContentType)]
    [ProducesResponseType<ImportResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ImportResult>(StatusCodes.Status422UnprocessableEntity)]
    [TableRequestBody]
    public async Task<IActionResult> Import([FromServices] ValueImportKind kind, [FromServices] ImportOptions options,
        bool dryRun, bool approve, CancellationToken cancellationToken) =>
        await ApiImport.RunAsync(this, kind, options, dryRun, approve, cancellationToken);
}
