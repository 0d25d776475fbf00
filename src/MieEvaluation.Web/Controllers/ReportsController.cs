using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.ViewModels.Figures;

namespace MieEvaluation.Web.Controllers;

/// <summary>
/// The report documents (docs/exports.md): the national report with the dashboard's parameters, and each base's
/// report, as <c>.pdf</c>, <c>.docx</c> or <c>.xlsx</c>; the language follows the page's or <c>lang=zh-CN|en</c>. The
/// same through the API: <see cref="Api.ReportsApiController"/>.
/// </summary>
[Route("reports")]
[RejectUnknownParameters]
public sealed class ReportsController(ReportAnswers reports) : Controller
{
    [HttpGet("national.xlsx")]
    [HttpGet("national.docx")]
    [HttpGet("national.pdf")]
    [Authorize(Policy = Policies.ViewFigures)]
    public async Task<IActionResult> National([FromQuery] FigureFilterInput filter, string? lang, CancellationToken cancellationToken) =>
        await reports.NationalAsync(this, filter, lang, cancellationToken);

    /// <summary>A base's report, for whoever may read the base's page (<see cref="BaseOperations.Read"/>).</summary>
    [HttpGet("bases/{code}.xlsx")]
    [HttpGet("bases/{code}.docx")]
    [HttpGet("bases/{code}.pdf")]
    [Authorize(Policy = Policies.BaseContent)]
    public async Task<IActionResult> Base(string code, string? status, string? lang, CancellationToken cancellationToken) =>
        await reports.BaseAsync(this, code, status, lang, cancellationToken);
}
