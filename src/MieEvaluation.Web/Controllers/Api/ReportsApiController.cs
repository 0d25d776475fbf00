using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Exports;
using MieEvaluation.Web.Services.Reports;
using MieEvaluation.Web.ViewModels.Figures;

namespace MieEvaluation.Web.Controllers.Api;

/// <summary>The report documents with a token (docs/api.md): the same addresses as the pages' under <c>/api/v1</c>.</summary>
public sealed class ReportsApiController(ReportAnswers reports) : ApiControllerBase
{
    [HttpGet("reports/national.xlsx")]
    [HttpGet("reports/national.docx")]
    [HttpGet("reports/national.pdf")]
    [Authorize(Policy = Policies.ViewFigures)]
    [Produces(XlsxExport.ContentType, DocxReport.ContentType, PdfReport.ContentType)]
    public async Task<IActionResult> National([FromQuery] FigureFilterInput filter, string? lang, CancellationToken cancellationToken) =>
        await reports.NationalAsync(this, filter, lang, cancellationToken);

    /// <summary>A base's report, for whoever may read the base (<see cref="BaseOperations.Read"/>).</summary>
    [HttpGet("reports/bases/{code}.xlsx")]
    [HttpGet("reports/bases/{code}.docx")]
    [HttpGet("reports/bases/{code}.pdf")]
    [Produces(XlsxExport.ContentType, DocxReport.ContentType, PdfReport.ContentType)]
    public async Task<IActionResult> Base(string code, string? status, string? lang, CancellationToken cancellationToken) =>
        await reports.BaseAsync(this, code, status, lang, cancellationToken);
}
