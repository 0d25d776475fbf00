using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Import;
using MieEvaluation.Web.Setup;

namespace MieEvaluation.Web.Controllers.Api;

/// <summary>The registry and the indicators; administrators import bases.</summary>
public sealed class RegistryApiController(MieDbContext db) : ApiControllerBase
{
    [HttpGet("bases")]
    public async Task<IActionResult> Bases()
    {
        var bases = await db.Bases.AsNoTracking().OrderBy(b => b.Code)
            .Select(b => new { b.Code, b.NameZh, b.NameEn, b.Type, Province = b.Province.Code, b.Province.Region, b.BatchYear, b.IsActive }).ToListAsync();
        return Ok(bases.Select(b => new
        {
            code = b.Code, nameZh = b.NameZh, nameEn = b.NameEn, type = b.Type.ToCode(), province = b.Province, region = b.Region.ToCode(),
            batchYear = b.BatchYear, active = b.IsActive,
        }));
    }

    [HttpGet("indicators")]
    public async Task<IActionResult> Indicators() => Ok(await db.Indicators.AsNoTracking().OrderBy(i => i.DisplayOrder)
        .Select(i => new { code = i.Code, nameZh = i.NameZh, nameEn = i.NameEn, unitZh = i.UnitZh, unitEn = i.UnitEn, decimals = i.Decimals, aggregation = i.Aggregation.ToString(), active = i.IsActive })
        .ToListAsync());

    /// <summary>The registry's CSV as the request body; all or nothing. <c>?dryRun=true</c> only reports.</summary>
    [HttpPost("bases/import")]
    [Authorize(Policy = Policies.Administer)]
    [EnableRateLimiting(SecuritySetup.ImportRateLimit)]
    [Consumes("text/csv")]
    public async Task<IActionResult> ImportBases([FromServices] RegistryImportKind kind, [FromServices] UploadStore uploads,
        [FromServices] ImportOptions options, [FromServices] UserManager<AppUser> users, bool dryRun, CancellationToken cancellationToken) =>
        await ApiImport.RunAsync(this, kind, uploads, options, users.GetUserId(User)!, dryRun, approve: false, cancellationToken);
}
