using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Exports;
using MieEvaluation.Web.Services.Reports;
using MieEvaluation.Web.ViewModels.Figures;

namespace MieEvaluation.Web.Controllers.Api;

/// <summary><c>GET /api/v1/reports/national.xlsx</c> and <c>.docx</c>: the national report with a token (docs/api.md).</summary>
[Authorize(Policy = Policies.ViewFigures)]
public sealed class ReportsApiController(ExportRequests requests, NationalWorkbook workbook, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
    : ApiControllerBase
{
    [HttpGet("reports/national.xlsx")]
    [HttpGet("reports/national.docx")]
    [Produces(XlsxExport.ContentType, DocxReport.ContentType)]
    public async Task<IActionResult> National([FromQuery] FigureFilterInput filter, string? lang, CancellationToken cancellationToken) =>
        await Reports.NationalAsync(this, requests, workbook, localizer, clock, filter, lang, cancellationToken);
}
