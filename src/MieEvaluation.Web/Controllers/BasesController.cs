using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using MieEvaluation.Web.Services.Registry;
using MieEvaluation.Web.ViewModels.Registry;

namespace MieEvaluation.Web.Controllers;

/// <summary>The base registry: every designated base with its type, province, region and batch.</summary>
[Route("bases")]
public sealed class BasesController(BaseRegistryService registry, IValidator<RegistryQuery> validator, TimeProvider clock) : Controller
{
    /// <summary>One base: its registry entry, its yearly forms and its audit trail.</summary>
    [HttpGet("{code}")]
    public async Task<IActionResult> Detail(string code, [FromServices] BasePageService pages, CancellationToken cancellationToken) =>
        await pages.LoadAsync(code, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] RegistryQuery query, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(query, cancellationToken);
        var invalid = validation.Errors.Select(e => e.PropertyName).ToHashSet();
        var filter = query.ToFilter(invalid, clock.GetUtcNow().Year);

        return View(new RegistryPage(
            query,
            validation.Errors.Select(e => e.ErrorMessage).ToList(),
            await registry.ListAsync(filter, cancellationToken),
            await registry.ProvincesAsync(cancellationToken),
            await registry.BatchYearsAsync(cancellationToken)));
    }
}
