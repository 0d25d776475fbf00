using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Exports;
using MieEvaluation.Web.Services.Reports;
using MieEvaluation.Web.ViewModels.Figures;

namespace MieEvaluation.Web.Controllers;

/// <summary>
/// The national report's documents (docs/exports.md), with the dashboard's parameters; the language follows the page's
/// or <c>lang=zh-CN|en</c>. The same through the API: <see cref="Api.ReportsApiController"/>.
/// </summary>
[Route("reports")]
[Authorize(Policy = Policies.ViewFigures)]
[RejectUnknownParameters]
public sealed class ReportsController(ExportRequests requests, NationalWorkbook workbook, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
    : Controller
{
    [HttpGet("national.xlsx")]
    [HttpGet("national.docx")]
    public async Task<IActionResult> National([FromQuery] FigureFilterInput filter, string? lang, CancellationToken cancellationToken) =>
        await Reports.NationalAsync(this, requests, workbook, localizer, clock, filter, lang, cancellationToken);
}

/// <summary>The one way of answering a report request, for the pages and the API alike.</summary>
internal static class Reports
{
    public static readonly string[] Languages = ["zh-CN", "en"];

    /// <summary>The workbook (.xlsx) or the Word document (.docx), as the address ends.</summary>
    public static async Task<IActionResult> NationalAsync(ControllerBase controller, ExportRequests requests, NationalWorkbook workbook,
        IStringLocalizer localizer, TimeProvider clock, FigureFilterInput filter, string? lang, CancellationToken cancellationToken)
    {
        if (lang is not null && !Languages.Contains(lang, StringComparer.OrdinalIgnoreCase))
        {
            return Refused(controller, StatusCodes.Status400BadRequest, [localizer["Report.BadLanguage", lang, string.Join(", ", Languages)]]);
        }

        // The document's language: lang when given, else the page's. Set for this request only (culture flows with it).
        if (lang is not null)
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(lang.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-CN" : "en");
        }

        var (request, refusal) = await requests.ReportAsync(filter, localizer, cancellationToken);
        if (refusal is not null)
        {
            return Refused(controller, refusal.Status, refusal.Reasons);
        }

        var sheets = await workbook.BuildAsync(request!, cancellationToken);
        var word = controller.Request.Path.Value?.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) == true;
        var madeAt = clock.GetUtcNow().UtcDateTime;
        var name = CsvExport.FileName("national-report", madeAt, word ? "docx" : "xlsx", $"{request!.Query.FromYear}", $"{request.Query.ToYear}",
            CultureInfo.CurrentUICulture.Name);
        return word
            ? controller.File(DocxReport.Write(localizer["Report.NationalTitle"], [.. sheets[0].Preamble.Skip(1).Take(2)], sheets, ReportAppendix.Methods(localizer),
                CultureInfo.CurrentUICulture.Name, madeAt),
                DocxReport.ContentType, name)
            : controller.File(XlsxExport.WriteWorkbook(sheets), XlsxExport.ContentType, name);
    }

    private static IActionResult Refused(ControllerBase controller, int status, IEnumerable<string> reasons) =>
        controller.Request.Path.StartsWithSegments("/api")
            ? controller.Problem(detail: string.Join(" ", reasons), statusCode: status, title: status == StatusCodes.Status404NotFound ? "Not found" : "Bad parameter")
            : ValidationExtensions.PlainRefusal(status, reasons);
}
