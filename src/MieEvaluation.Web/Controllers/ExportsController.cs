using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Exports;
using MieEvaluation.Web.ViewModels.Figures;
using MieEvaluation.Web.ViewModels.Issues;

namespace MieEvaluation.Web.Controllers;

/// <summary>
/// The exports as files at stable URLs (docs/exports.md), each as <c>.csv</c> and <c>.xlsx</c>, for a signed-in
/// session or a token; the API serves the same tables (<see cref="Api.ExportsApiController"/>). A bad parameter
/// answers 400 (404 for an unknown code) with the reasons as plain text.
/// </summary>
[Route("export")]
[Authorize(Policy = Policies.Export)]
[RejectUnknownParameters]
public sealed class ExportsController(ExportRequests requests, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("growth.csv")]
    [HttpGet("growth.xlsx")]
    public async Task<IActionResult> Growth([FromQuery] FigureFilterInput filter, CancellationToken cancellationToken) =>
        Answer(await requests.GrowthAsync(filter, tidy: false, cancellationToken));

    [HttpGet("growth-long.csv")]
    [HttpGet("growth-long.xlsx")]
    public async Task<IActionResult> GrowthLong([FromQuery] FigureFilterInput filter, CancellationToken cancellationToken) =>
        Answer(await requests.GrowthAsync(filter, tidy: true, cancellationToken));

    [HttpGet("values.csv")]
    [HttpGet("values.xlsx")]
    public async Task<IActionResult> Values([FromQuery] ValueFilterInput filter, CancellationToken cancellationToken) =>
        Answer(await requests.ValuesAsync(filter, cancellationToken));

    [HttpGet("completeness.csv")]
    [HttpGet("completeness.xlsx")]
    public async Task<IActionResult> Completeness([FromQuery] FigureRangeInput filter, CancellationToken cancellationToken) =>
        Answer(await requests.CompletenessAsync(filter, cancellationToken));

    [HttpGet("issues.csv")]
    [HttpGet("issues.xlsx")]
    public async Task<IActionResult> Issues([FromQuery] IssueFilterInput filter, CancellationToken cancellationToken) =>
        Answer(await requests.IssuesAsync(filter, cancellationToken));

    private IActionResult Answer((ExportTable? Table, ExportRefusal? Refusal) result) =>
        result.Table is { } table
            ? ExportRequests.Write(this, table, ExportRequests.FileFormatOf(Request), localizer)
            : ValidationExtensions.PlainRefusal(result.Refusal!.Status, result.Refusal.Reasons);
}
