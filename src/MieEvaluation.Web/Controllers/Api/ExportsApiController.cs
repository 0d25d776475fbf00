using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Exports;
using MieEvaluation.Web.ViewModels.Figures;
using MieEvaluation.Web.ViewModels.Issues;

namespace MieEvaluation.Web.Controllers.Api;

/// <summary>
/// Every export through the API with a token, with the parameters of its page: JSON (one object per row, keyed by the
/// CSV's columns), <c>.csv</c> (or <c>Accept: text/csv</c>) or <c>.xlsx</c>. The figures need a figure reader's role,
/// the raw values an analyst's (as <c>/export/values.csv</c>).
/// </summary>
[Authorize(Policy = Policies.ViewFigures)]
public sealed class ExportsApiController(ExportRequests requests, IStringLocalizer<SharedResource> localizer) : ApiControllerBase
{
    [HttpGet("growth")]
    [HttpGet("growth.csv")]
    [HttpGet("growth.xlsx")]
    [ExportRows(ExportKind.Growth)]
    public async Task<IActionResult> Growth([FromQuery] FigureFilterInput filter, CancellationToken cancellationToken) =>
        Answer(await requests.GrowthAsync(filter, tidy: false, cancellationToken));

    [HttpGet("growth-long")]
    [HttpGet("growth-long.csv")]
    [HttpGet("growth-long.xlsx")]
    [ExportRows(ExportKind.GrowthLong)]
    public async Task<IActionResult> GrowthLong([FromQuery] FigureFilterInput filter, CancellationToken cancellationToken) =>
        Answer(await requests.GrowthAsync(filter, tidy: true, cancellationToken));

    [HttpGet("values")]
    [HttpGet("values.csv")]
    [HttpGet("values.xlsx")]
    [Authorize(Policy = Policies.Export)]
    [ExportRows(ExportKind.Values)]
    public async Task<IActionResult> Values([FromQuery] ValueFilterInput filter, CancellationToken cancellationToken) =>
        Answer(await requests.ValuesAsync(filter, cancellationToken));

    [HttpGet("completeness")]
    [HttpGet("completeness.csv")]
    [HttpGet("completeness.xlsx")]
    [ExportRows(ExportKind.Completeness)]
    public async Task<IActionResult> Completeness([FromQuery] FigureRangeInput filter, CancellationToken cancellationToken) =>
        Answer(await requests.CompletenessAsync(filter, cancellationToken));

    [HttpGet("issues")]
    [HttpGet("issues.csv")]
    [HttpGet("issues.xlsx")]
    [ExportRows(ExportKind.Issues)]
    public async Task<IActionResult> Issues([FromQuery] IssueFilterInput filter, CancellationToken cancellationToken) =>
        Answer(await requests.IssuesAsync(filter, cancellationToken));

    private IActionResult Answer((ExportTable? Table, ExportRefusal? Refusal) result) =>
        result.Table is { } table
            ? ExportRequests.Write(this, table, ExportRequests.FormatOf(Request), localizer)
            : result.Refusal!.Status == StatusCodes.Status404NotFound ? Unknown(string.Join(" ", result.Refusal.Reasons)) : BadParameter(result.Refusal.Reasons);
}
