using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Registry;
using MieEvaluation.Web.ViewModels.Registry;

namespace MieEvaluation.Web.Controllers;

/// <summary>The base registry: every designated base with its type, province, region and batch.</summary>
[Route("bases")]
public sealed class BasesController(BaseRegistryService registry, IValidator<RegistryQuery> validator, TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    /// <summary>
    /// One base: its registry entry, figures (approved, or <c>?status=provisional</c>), yearly forms and audit trail —
    /// for the roles that view figures and the evaluators of the base's own groups (<see cref="BaseOperations.Read"/>).
    /// </summary>
    [HttpGet("{code}")]
    [Authorize(Policy = Policies.BaseContent)]
    public async Task<IActionResult> Detail(string code, string? status, [FromServices] BasePageService pages,
        [FromServices] IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        if (await pages.FindIdAsync(code, cancellationToken) is not { } id)
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, new BaseYear(id, null), BaseOperations.Read)).Succeeded)
        {
            return Forbid();
        }

        if (!FigureScopes.TryParse(status, out var scope))
        {
            return ValidationExtensions.PlainBadRequest([localizer["Figures.BadScope", status!]]);
        }

        return await pages.LoadAsync(code, scope, cancellationToken) is { } page ? View(page) : NotFound();
    }

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
