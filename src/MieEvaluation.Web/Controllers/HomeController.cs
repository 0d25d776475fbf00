using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.ViewModels.Home;

namespace MieEvaluation.Web.Controllers;

public sealed class HomeController(MieDbContext db) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(new HomePage(
        await db.Bases.CountAsync(cancellationToken),
        await db.Indicators.CountAsync(i => i.IsActive, cancellationToken),
        await db.Bases.Select(b => b.ProvinceId).Distinct().CountAsync(cancellationToken)));
}
