using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Exports;
using MieEvaluation.Web.Services.Figures;
using MieEvaluation.Web.ViewModels.Figures;

namespace MieEvaluation.Web.Controllers;

/// <summary>Which bases reported in which years.</summary>
[Authorize(Policy = Policies.ViewFigures)]
public sealed class CompletenessController(CompletenessService completeness, FiguresService figures, IStringLocalizer<SharedResource> localizer,
    TimeProvider clock) : Controller
{
    [HttpGet("completeness")]
    public async Task<IActionResult> Index(string? from, string? to, CancellationToken cancellationToken)
    {
        var (range, problem) = await RangeAsync(from, to, cancellationToken);
        ViewData["Problem"] = problem;
        return View(await completeness.LoadAsync(range.From, range.To, cancellationToken));
    }

    private static readonly string[] KeyColumns = ["base_code", "base_name_zh", "base_name_en", "region", "type"];

    [HttpGet("export/completeness.csv")]
    [Authorize(Policy = Policies.Export)]
    public async Task<IActionResult> Export(string? from, string? to, CancellationToken cancellationToken)
    {
        var (range, problem) = await RangeAsync(from, to, cancellationToken);
        if (problem is not null)
        {
            return ValidationExtensions.PlainBadRequest([problem]);
        }

        var data = await completeness.LoadAsync(range.From, range.To, cancellationToken);
        var years = Enumerable.Range(data.FromYear, data.ToYear - data.FromYear + 1).ToList();
        var header = KeyColumns.Concat(years.Select(CsvExport.Number));
        var rows = data.Rows.Select(r => new[]
            {
                CsvExport.Neutralise(r.Code), CsvExport.Neutralise(r.NameZh), CsvExport.Neutralise(r.NameEn), r.Region.ToString().ToLowerInvariant(),
                MieEvaluation.Domain.Registry.RegistryCodes.ToCode(r.Type),
            }
            .Concat(r.Years.Select(s => s == FormState.NotExpected ? "" : s.ToString().ToLowerInvariant())));
        return File(CsvExport.Write(header, rows), "text/csv; charset=utf-8",
            CsvExport.FileName("completeness", clock.GetUtcNow().UtcDateTime, $"{range.From}", $"{range.To}"));
    }

    private async Task<((int From, int To) Range, string? Problem)> RangeAsync(string? from, string? to, CancellationToken cancellationToken)
    {
        var lastYear = clock.GetUtcNow().Year;
        // Completeness follows the forms handed in: the provisional scope's latest year (submitted forms count as reported).
        var latest = await figures.LatestYearAsync(Domain.Evaluation.FigureScope.Provisional, cancellationToken);
        var input = new FigureFilterInput { From = from, To = to };
        string? problem = null;
        foreach (var (text, _) in new[] { (from, "from"), (to, "to") })
        {
            if (!string.IsNullOrWhiteSpace(text) && !FigureFilterInput.TryYear(text, lastYear, out _))
            {
                problem = localizer["Figures.BadYear", text, FigureFilterInput.FirstYear, lastYear];
            }
        }

        var query = input.ToQuery(problem is null ? new HashSet<string>() : new HashSet<string> { nameof(FigureFilterInput.From), nameof(FigureFilterInput.To) }, latest, lastYear);
        return ((query.FromYear, query.ToYear), problem);
    }
}
