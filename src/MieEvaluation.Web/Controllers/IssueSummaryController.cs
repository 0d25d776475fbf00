using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Issues;
using MieEvaluation.Web.ViewModels.Issues;

namespace MieEvaluation.Web.Controllers;

/// <summary>The summary of the problems found during evaluation (its export: <see cref="ExportsController.Issues"/>).</summary>
[Authorize(Policy = Policies.ViewFigures)]
public sealed class IssueSummaryController(IssueSummaryService summaries, IValidator<IssueFilterInput> validator, TimeProvider clock) : Controller
{
    /// <summary>Counts by category × region and × year, recurring issues and the texts; an invalid filter is reported and ignored.</summary>
    [HttpGet("issues/summary")]
    public async Task<IActionResult> Index([FromQuery] IssueFilterInput filter, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(filter, cancellationToken);
        var invalid = validation.Errors.Select(e => e.PropertyName).ToHashSet();
        var summary = await summaries.LoadAsync(filter.ToFilter(invalid, clock.GetUtcNow().Year), cancellationToken);
        var years = summary.ByYear.Select(x => x.Year).Distinct().Order().ToList();
        var chart = JsonSerializer.Serialize(new
        {
            years,
            categories = summary.Categories.Select(c => new
            {
                name = Localization.LocalizerExtensions.Pick(c.NameZh, c.NameEn),
                counts = years.Select(y => summary.ByYear.Where(x => x.CategoryId == c.Id && x.Year == y).Sum(x => x.Count)),
            }),
        });
        ViewData["Query"] = Request.QueryString.Value;
        return View(new IssueSummaryPage(summary, validation.Errors.Select(e => e.ErrorMessage).Distinct().ToList(), filter.Year, filter.Category,
            filter.Region, filter.Status, chart));
    }
}
