using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Issues;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.ViewModels.Issues;

namespace MieEvaluation.Web.Controllers;

/// <summary>Administrators manage the bilingual issue categories. Categories in use are deactivated, never deleted.</summary>
[Route("admin/categories")]
[Authorize(Policy = Policies.Administer)]
public sealed class CategoriesController(MieDbContext db, IValidator<CategoryInput> validator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await ListAsync());

    [HttpPost("")]
    public async Task<IActionResult> Save(CategoryInput input)
    {
        if (!(await validator.ValidateAsync(input)).AddTo(ModelState))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), await ListAsync());
        }

        var category = input.Id is { } id ? await db.IssueCategories.SingleOrDefaultAsync(c => c.Id == id) : null;
        if (input.Id is not null && category is null)
        {
            return NotFound();
        }

        if (category is null)
        {
            category = new IssueCategory { Code = input.Code, NameZh = "", NameEn = "" };
            db.IssueCategories.Add(category);
        }

        (category.Code, category.NameZh, category.NameEn, category.DisplayOrder, category.IsActive) =
            (input.Code, input.NameZh.Trim(), input.NameEn.Trim(), input.DisplayOrder, input.IsActive);
        await db.SaveChangesAsync();
        return RedirectToAction(nameof(Index));
    }

    private async Task<List<IssueCategory>> ListAsync() =>
        await db.IssueCategories.AsNoTracking().OrderBy(c => c.DisplayOrder).ThenBy(c => c.Code).ToListAsync();
}
