using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Exports;
using MieEvaluation.Web.Services.Figures;
using MieEvaluation.Web.Services.Import;
using MieEvaluation.Web.Setup;
using MieEvaluation.Web.ViewModels.Figures;

namespace MieEvaluation.Web.Controllers.Api;

/// <summary>Values in and out: the CSV import of the pages, and the values as JSON or CSV.</summary>
public sealed class ValuesApiController(FiguresService figures, IValidator<FigureFilterInput> validator, TimeProvider clock) : ApiControllerBase
{
    /// <summary>A long or wide CSV body. <c>?dryRun=true</c> returns the preview; <c>?approve=true</c> lets a reviewer approve at once.</summary>
    [HttpPost("values/import")]
    [Authorize(Policy = Policies.ImportValues)]
    [EnableRateLimiting(SecuritySetup.ImportRateLimit)]
    [Consumes("text/csv")]
    public async Task<IActionResult> Import([FromServices] ValueImportKind kind, [FromServices] UploadStore uploads, [FromServices] ImportOptions options,
        [FromServices] UserManager<AppUser> users, bool dryRun, bool approve, CancellationToken cancellationToken) =>
        await ApiImport.RunAsync(this, kind, uploads, options, users.GetUserId(User)!, dryRun, approve, cancellationToken);

    /// <summary>Values filtered by base, years, indicator and status; CSV with <c>Accept: text/csv</c> or <c>/values.csv</c>.</summary>
    [HttpGet("values")]
    [HttpGet("values.csv")]
    [Authorize(Policy = Policies.Export)]
    public async Task<IActionResult> Values(string? @base, string? from, string? to, string? indicator, string? status, CancellationToken cancellationToken)
    {
        var filter = new FigureFilterInput { From = from, To = to, Status = status };
        var problems = (await validator.ValidateAsync(filter, cancellationToken)).Errors.Select(e => e.ErrorMessage).ToList();
        if (problems.Count > 0)
        {
            return BadParameter(problems);
        }

        var scope = filter.Scope(new HashSet<string>());
        var query = await filter.ToQueryAsync(new HashSet<string>(), figures, clock.GetUtcNow().Year, cancellationToken);
        var rows = await figures.ValueRowsAsync(query, @base, indicator, cancellationToken);
        if (!WantsCsv())
        {
            return Ok(rows.Select(r => new
            {
                baseCode = r.BaseCode, year = r.Year, indicatorCode = r.IndicatorCode, value = r.Value, status = r.Status.ToString().ToLowerInvariant(),
                comment = r.Comment, scope = FigureScopes.Code(scope),
            }));
        }

        string[] header = ["base_code", "year", "indicator_code", "value", "status", "comment", "scope"];
        var csv = CsvExport.Write(header, rows.Select(r => new[]
        {
            CsvExport.Neutralise(r.BaseCode), r.Year.ToString(CultureInfo.InvariantCulture), CsvExport.Neutralise(r.IndicatorCode), CsvExport.Number(r.Value),
            r.Status.ToString().ToLowerInvariant(), CsvExport.Neutralise(r.Comment), FigureScopes.Code(scope),
        }));
        return File(csv, "text/csv; charset=utf-8", CsvExport.FileName("values", clock.GetUtcNow().UtcDateTime, from, to, @base, indicator, FigureScopes.Code(scope)));
    }
}
