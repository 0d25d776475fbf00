using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.ViewModels.Home;

namespace MieEvaluation.Web.Controllers;

/// <summary>
/// The data dictionary (docs/data-dictionary.md is its written twin): every indicator with unit, decimals and
/// aggregation, the statuses and scopes, the panels, every reason code, the issue categories with their ids, and the
/// code scheme. For every signed-in user: analysts need it most, but it is what every table on the site means.
/// </summary>
public sealed class DictionaryController(MieDbContext db) : Controller
{
    [HttpGet("dictionary")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(new DictionaryPage(
        await db.Indicators.AsNoTracking().OrderBy(i => i.DisplayOrder).ToListAsync(cancellationToken),
        await db.IssueCategories.AsNoTracking().OrderBy(c => c.DisplayOrder).ToListAsync(cancellationToken)));
}
