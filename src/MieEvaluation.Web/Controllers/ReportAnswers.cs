using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Registry;
using MieEvaluation.Web.Services.Reports;
using MieEvaluation.Web.ViewModels.Figures;

namespace MieEvaluation.Web.Controllers;

/// <summary>The one way of answering a report request, for the pages and the API alike.</summary>
public sealed class ReportAnswers(ReportFiles files, ExportRequests requests, BasePageService pages, IAuthorizationService authorization,
    IStringLocalizer<SharedResource> localizer)
{
    public static readonly string[] Languages = ["zh-CN", "en"];

    public async Task<IActionResult> NationalAsync(ControllerBase controller, FigureFilterInput filter, string? lang, CancellationToken cancellationToken)
    {
        if (Prepare(controller, lang) is { } refused)
        {
            return refused;
        }

        var (request, refusal) = await requests.ReportAsync(filter, localizer, cancellationToken);
        if (refusal is not null)
        {
            return Refused(controller, refusal.Status, refusal.Reasons);
        }

        ReportFiles.TryFormat(controller.Request.Path, out var format);
        return Answer(controller, await files.NationalAsync(request!, format, cancellationToken));
    }

    public async Task<IActionResult> BaseAsync(ControllerBase controller, string code, string? status, string? lang, CancellationToken cancellationToken)
    {
        if (await pages.FindIdAsync(code, cancellationToken) is not { } id)
        {
            return Refused(controller, StatusCodes.Status404NotFound, [localizer["Report.UnknownBase", code]]);
        }

        if (!(await authorization.AuthorizeAsync(controller.User, new BaseYear(id, null), BaseOperations.Read)).Succeeded)
        {
            return controller.Forbid();
        }

        if (!FigureScopes.TryParse(status, out var scope))
        {
            return Refused(controller, StatusCodes.Status400BadRequest, [localizer["Figures.BadScope", status!]]);
        }

        if (Prepare(controller, lang) is { } refused)
        {
            return refused;
        }

        ReportFiles.TryFormat(controller.Request.Path, out var format);
        var (found, file) = await files.BaseAsync(code, scope, format, cancellationToken);
        return found ? Answer(controller, file) : Refused(controller, StatusCodes.Status404NotFound, [localizer["Report.UnknownBase", code]]);
    }

    /// <summary>Checks <c>lang</c> and makes it the document's language for this request only (the culture flows with it).</summary>
    private IActionResult? Prepare(ControllerBase controller, string? lang)
    {
        if (lang is null)
        {
            return null;
        }

        if (!Languages.Contains(lang, StringComparer.OrdinalIgnoreCase))
        {
            return Refused(controller, StatusCodes.Status400BadRequest, [localizer["Report.BadLanguage", lang, string.Join(", ", Languages)]]);
        }

        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(lang.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-CN" : "en");
        return null;
    }

    /// <summary>The file, or 503 when the server lacks the Chinese font the PDF and the charts are drawn with.</summary>
    private IActionResult Answer(ControllerBase controller, ReportFile? file) =>
        file is null
            ? Refused(controller, StatusCodes.Status503ServiceUnavailable, [localizer["Report.NoFont", files.FontPath ?? "—"]])
            : controller.File(file.Content, file.ContentType, file.FileName);

    private static IActionResult Refused(ControllerBase controller, int status, IEnumerable<string> reasons) =>
        controller.Request.Path.StartsWithSegments("/api")
            ? controller.Problem(detail: string.Join(" ", reasons), statusCode: status,
                title: status switch { StatusCodes.Status404NotFound => "Not found", StatusCodes.Status503ServiceUnavailable => "Unavailable", _ => "Bad parameter" })
            : ValidationExtensions.PlainRefusal(status, reasons);
}
