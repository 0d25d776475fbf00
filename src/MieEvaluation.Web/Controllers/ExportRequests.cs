using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MieEvaluation.Web.Services.Exports;
using MieEvaluation.Web.Services.Figures;
using MieEvaluation.Web.ViewModels.Figures;
using MieEvaluation.Web.ViewModels.Issues;

namespace MieEvaluation.Web.Controllers;

/// <summary>The format an export is asked in: by the URL's extension, or for the API by <c>Accept: text/csv</c>; JSON otherwise.</summary>
public enum ExportFormat
{
    Json,
    Csv,
    Xlsx,
}

/// <summary>Why an export was refused: 404 when a parameter names something that does not exist, 400 for every other bad parameter.</summary>
public sealed record ExportRefusal(int Status, IReadOnlyList<string> Reasons);

/// <summary>
/// Every export's parameters checked and its table built, for both doors to the exports: <c>/export/*</c> (the
/// pages' downloads) and <c>/api/v1/*</c> (tokens). A bad parameter is refused, never ignored.
/// </summary>
public sealed class ExportRequests(ExportService exports, FiguresService figures, IValidator<FigureFilterInput> growthRules,
    IValidator<ValueFilterInput> valueRules, IValidator<FigureRangeInput> rangeRules, IValidator<IssueFilterInput> issueRules, TimeProvider clock)
{
    private static readonly HashSet<string> None = [];

    public async Task<(ExportTable? Table, ExportRefusal? Refusal)> GrowthAsync(FigureFilterInput input, bool tidy, CancellationToken cancellationToken)
    {
        if (Refuse(await growthRules.ValidateAsync(input, cancellationToken)) is { } refusal)
        {
            return (null, refusal);
        }

        var query = await input.ToQueryAsync(None, figures, LastYear, cancellationToken);
        return (tidy
            ? await exports.GrowthLongAsync(query, input.Scope(None), input.Balanced(None), input.Given(), cancellationToken)
            : await exports.GrowthAsync(query, input.Scope(None), input.Balanced(None), input.Given(), cancellationToken), null);
    }

    /// <summary>What the national report covers, from the dashboard's parameters; or why they are refused.</summary>
    public async Task<(Services.Reports.ReportRequest? Request, ExportRefusal? Refusal)> ReportAsync(FigureFilterInput input,
        Microsoft.Extensions.Localization.IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        if (Refuse(await growthRules.ValidateAsync(input, cancellationToken)) is { } refusal)
        {
            return (null, refusal);
        }

        var query = await input.ToQueryAsync(None, figures, LastYear, cancellationToken);
        var scope = input.Scope(None);
        var words = new List<string>
        {
            $"{query.FromYear}–{query.ToYear}",
            localizer[$"Report.Scope.{Domain.Evaluation.FigureScopes.Code(scope)}"],
        };
        words.AddRange(input.Given().Where(g => g.Key is not ("from" or "to" or "status")).Select(g => $"{g.Key}={g.Value}"));
        return (new Services.Reports.ReportRequest(query, scope, words, input.Registry(None, LastYear)), null);
    }

    public async Task<(ExportTable? Table, ExportRefusal? Refusal)> ValuesAsync(ValueFilterInput input, CancellationToken cancellationToken)
    {
        if (Refuse(await valueRules.ValidateAsync(input, cancellationToken)) is { } refusal)
        {
            return (null, refusal);
        }

        var query = await input.ToQueryAsync(None, figures, LastYear, cancellationToken);
        return (await exports.ValuesAsync(query, input.Scope(None), input.Base, input.Indicator, input.Given(), cancellationToken), null);
    }

    public async Task<(ExportTable? Table, ExportRefusal? Refusal)> CompletenessAsync(FigureRangeInput input, CancellationToken cancellationToken)
    {
        if (Refuse(await rangeRules.ValidateAsync(input, cancellationToken)) is { } refusal)
        {
            return (null, refusal);
        }

        // Completeness follows the forms handed in: the provisional scope's latest year (submitted forms count as reported).
        var (from, to) = input.Range(None, await figures.LatestYearAsync(Domain.Evaluation.FigureScope.Provisional, cancellationToken), LastYear);
        return (await exports.CompletenessAsync(from, to, input.Registry(None, LastYear), input.Given(), cancellationToken), null);
    }

    public async Task<(ExportTable? Table, ExportRefusal? Refusal)> IssuesAsync(IssueFilterInput input, CancellationToken cancellationToken)
    {
        if (Refuse(await issueRules.ValidateAsync(input, cancellationToken)) is { } refusal)
        {
            return (null, refusal);
        }

        return (await exports.IssuesAsync(input.ToFilter(None, LastYear), input.Given(), cancellationToken), null);
    }

    /// <summary>The format by the path's extension, else by the Accept header (<c>text/csv</c>), else JSON.</summary>
    public static ExportFormat FormatOf(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        return path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ExportFormat.Xlsx
            : path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ExportFormat.Csv
            : request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true) ? ExportFormat.Csv
            : request.Headers.Accept.Any(a => a?.Contains(XlsxExport.ContentType, StringComparison.OrdinalIgnoreCase) == true) ? ExportFormat.Xlsx
            : ExportFormat.Json;
    }

    /// <summary>The table as a file or as JSON rows.</summary>
    public static IActionResult Write(ControllerBase controller, ExportTable table, ExportFormat format, IStringLocalizer localizer) => format switch
    {
        ExportFormat.Csv => controller.File(CsvExport.Write(table), CsvExport.ContentType, table.FileName("csv")),
        ExportFormat.Xlsx => controller.File(XlsxExport.Write(table, localizer["Export.AboutSheet"]), XlsxExport.ContentType, table.FileName("xlsx")),
        _ => controller.Ok(JsonExport.Rows(table)),
    };

    private int LastYear => clock.GetUtcNow().Year;

    /// <summary>The format of a file download (<c>/export/*</c>, the templates): a workbook by its extension, CSV otherwise.</summary>
    public static ExportFormat FileFormatOf(HttpRequest request) => FormatOf(request) == ExportFormat.Xlsx ? ExportFormat.Xlsx : ExportFormat.Csv;

    /// <summary>Null when the parameters are valid; else 404 when every error names an unknown code, 400 otherwise.</summary>
    public static ExportRefusal? Refuse(ValidationResult validation) => validation.IsValid
        ? null
        : new ExportRefusal(validation.Errors.All(e => e.ErrorCode == ParameterErrors.UnknownCode) ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest,
            validation.Errors.Select(e => e.ErrorMessage).Distinct().ToList());
}
