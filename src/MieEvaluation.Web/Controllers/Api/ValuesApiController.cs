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
        var filter = new FigureFilterInput { From = from, To = to };
        var problems = (await validator.ValidateAsync(filter, cancellationToken)).Errors.Select(e => e.ErrorMessage).ToList();
        SubmissionStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<SubmissionStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                wanted = parsed;
            }
            else
            {
                problems.Add($"Unknown status \"{status}\"; use draft, submitted, approved or returned.");
            }
        }

        if (problems.Count > 0)
        {
            return BadParameter(problems);
        }

        var query = filter.ToQuery(new HashSet<string>(), await figures.LatestYearAsync(cancellationToken), clock.GetUtcNow().Year);
        var values = figures.ValuesFor(query with { Statuses = wanted is { } w ? new HashSet<SubmissionStatus> { w } : null });
        if (!string.IsNullOrWhiteSpace(@base))
        {
            values = values.Where(v => v.Submission.Base.Code == @base);
        }

        if (!string.IsNullOrWhiteSpace(indicator))
        {
            values = values.Where(v => v.Indicator.Code == indicator);
        }

        var rows = await values.OrderBy(v => v.Submission.Base.Code).ThenBy(v => v.Submission.Year).ThenBy(v => v.Indicator.DisplayOrder)
            .Select(v => new { baseCode = v.Submission.Base.Code, year = v.Submission.Year, indicatorCode = v.Indicator.Code, value = v.Value, status = v.Submission.Status, comment = v.Comment })
            .ToListAsync(cancellationToken);
        if (!WantsCsv())
        {
            return Ok(rows.Select(r => new { r.baseCode, r.year, r.indicatorCode, r.value, status = r.status.ToString().ToLowerInvariant(), r.comment }));
        }

        string[] header = ["base_code", "year", "indicator_code", "value", "status", "comment"];
        var csv = CsvExport.Write(header, rows.Select(r => new[]
        {
            CsvExport.Neutralise(r.baseCode), r.year.ToString(CultureInfo.InvariantCulture), CsvExport.Neutralise(r.indicatorCode), CsvExport.Number(r.value),
            r.status.ToString().ToLowerInvariant(), CsvExport.Neutralise(r.comment),
        }));
        return File(csv, "text/csv; charset=utf-8", CsvExport.FileName("values", clock.GetUtcNow().UtcDateTime, from, to, @base, indicator, status));
    }
}
