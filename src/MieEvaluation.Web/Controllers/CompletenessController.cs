using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Figures;
using MieEvaluation.Web.ViewModels.Figures;

namespace MieEvaluation.Web.Controllers;

/// <summary>Which bases reported in which years (its export: <see cref="ExportsController.Completeness"/>).</summary>
[Authorize(Policy = Policies.ViewFigures)]
public sealed class CompletenessController(CompletenessService completeness, FiguresService figures, IValidator<FigureRangeInput> validator,
    TimeProvider clock) : Controller
{
    /// <summary>The matrix for a range (default: 2016 to the last year with forms handed in) and the registry filters; an invalid filter is reported and ignored.</summary>
    [HttpGet("completeness")]
    public async Task<IActionResult> Index([FromQuery] FigureRangeInput filter, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(filter, cancellationToken);
        var invalid = validation.Errors.Select(e => e.PropertyName).ToHashSet();
        ViewData["Problem"] = validation.IsValid ? null : string.Join(" ", validation.Errors.Select(e => e.ErrorMessage).Distinct());
        var lastYear = clock.GetUtcNow().Year;
        // Completeness follows the forms handed in: the provisional scope's latest year (submitted forms count as reported).
        var (from, to) = filter.Range(invalid, await figures.LatestYearAsync(Domain.Evaluation.FigureScope.Provisional, cancellationToken), lastYear);
        ViewData["Query"] = Request.QueryString.Value;
        return View(await completeness.LoadAsync(from, to, filter.Registry(invalid, lastYear), cancellationToken));
    }
}
