using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Issues;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Exports;
using MieEvaluation.Web.Services.Issues;
using MieEvaluation.Web.ViewModels.Issues;
using MieEvaluation.Web.ViewModels.Registry;

namespace MieEvaluation.Web.Controllers;

/// <summary>The summary of the problems found during evaluation, and its CSV export.</summary>
[Authorize(Policy = Policies.ViewFigures)]
public sealed class IssueSummaryController(IssueSummaryService summaries, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : Controller
{
    [HttpGet("issues/summary")]
    public async Task<IActionResult> Index(string? year, string? category, string? region, string? status, CancellationToken cancellationToken)
    {
        var (filter, problems) = Parse(year, category, region, status);
        var summary = await summaries.LoadAsync(filter, cancellationToken);
        var chart = JsonSerializer.Serialize(new
        {
            years = summary.ByYear.Select(x => x.Year).Distinct().Order(),
            categories = summary.Categories.Select(c => new
            {
                name = Localization.LocalizerExtensions.Pick(c.NameZh, c.NameEn),
                counts = summary.ByYear.Select(x => x.Year).Distinct().Order()
                    .Select(y => summary.ByYear.Where(x => x.CategoryId == c.Id && x.Year == y).Sum(x => x.Count)),
            }),
        });
        return View(new IssueSummaryPage(summary, problems, year, category, region, status, chart));
    }

    [HttpGet("export/issues.csv")]
    [Authorize(Policy = Policies.Export)]
    public async Task<IActionResult> Export(string? year, string? category, string? region, string? status, CancellationToken cancellationToken)
    {
        var (filter, problems) = Parse(year, category, region, status);
        if (problems.Count > 0)
        {
            return ValidationExtensions.PlainBadRequest(problems);
        }

        var rows = await summaries.ListAsync(filter, cancellationToken);
        string[] header = ["base_code", "base_name_zh", "base_name_en", "region", "year", "category_zh", "category_en", "severity", "status", "text"];
        var cells = rows.Select(r => new[]
        {
            CsvExport.Neutralise(r.BaseCode), CsvExport.Neutralise(r.BaseZh), CsvExport.Neutralise(r.BaseEn), r.Region.ToCode(), CsvExport.Number(r.Year),
            CsvExport.Neutralise(r.CategoryZh), CsvExport.Neutralise(r.CategoryEn), r.Severity.ToString().ToLowerInvariant(),
            r.Status.ToString().ToLowerInvariant(), CsvExport.Neutralise(r.Text),
        });
        return File(CsvExport.Write(header, cells), "text/csv; charset=utf-8",
            CsvExport.FileName("issues", clock.GetUtcNow().UtcDateTime, year, region, status));
    }

    private (IssueFilter Filter, List<string> Problems) Parse(string? year, string? category, string? region, string? status)
    {
        var problems = new List<string>();
        int? y = null, c = null;
        IReadOnlySet<Region>? regions = null;
        IssueStatus? s = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= 2016 && parsed <= clock.GetUtcNow().Year)
            {
                y = parsed;
            }
            else
            {
                problems.Add(localizer["Figures.BadYear", year, 2016, clock.GetUtcNow().Year]);
            }
        }

        if (!string.IsNullOrWhiteSpace(category))
        {
            if (int.TryParse(category, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                c = id;
            }
            else
            {
                problems.Add(localizer["Issues.ChooseCategory"]);
            }
        }

        if (!string.IsNullOrWhiteSpace(region))
        {
            var registry = new RegistryQuery { Region = region }.ToFilter(new HashSet<string>(), clock.GetUtcNow().Year);
            if (registry.Regions is null)
            {
                problems.Add(localizer["Registry.UnknownRegion", region]);
            }

            regions = registry.Regions;
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<IssueStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                s = parsed;
            }
            else
            {
                problems.Add(localizer["Issues.BadStatus", status]);
            }
        }

        return (new IssueFilter(y, c, regions, s), problems);
    }
}
