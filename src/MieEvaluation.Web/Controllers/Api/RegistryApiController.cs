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
    [ProducesResponseType<IReadOnlyList<RegistryBaseResult>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Bases()
    {
        var bases = await db.Bases.AsNoTracking().OrderBy(b => b.Code)
            .Select(b => new { b.Code, b.NameZh, b.NameEn, b.Type, Province = b.Province.Code, b.Province.Region, b.BatchYear, b.IsActive }).ToListAsync();
        return Ok(bases.Select(b => new RegistryBaseResult(b.Code, BaseCodes.Former(b.Code), b.NameZh, b.NameEn, b.Type.ToCode(), b.Province, b.Region.ToCode(),
            b.BatchYear, b.IsActive)).ToList());
    }

    [HttpGet("indicators")]
    [ProducesResponseType<IReadOnlyList<IndicatorResult>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Indicators() => Ok((await db.Indicators.AsNoTracking().OrderBy(i => i.DisplayOrder).ToListAsync())
        .Select(i => new IndicatorResult(i.Code, i.NameZh, i.NameEn, i.UnitZh, i.UnitEn, i.Decimals, i.Aggregation.ToString(), i.IsActive)).ToList());

    /// <summary>The registry's table as the body (CSV or a workbook); all or nothing. <c>?dryRun=true</c> only reports.</summary>
    [HttpPost("bases/import")]
    [Authorize(Policy = Policies.Administer)]
    [EnableRateLimiting(SecuritySetup.ImportRateLimit)]
    [Consumes("text/csv", ApiImport.WorkbookContentType)]
    [ProducesResponseType<ImportResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ImportResult>(StatusCodes.Status422UnprocessableEntity)]
    [TableRequestBody]
    public async Task<IActionResult> ImportBases([FromServices] RegistryImportKind kind, [FromServices] ImportOptions options,
        bool dryRun, CancellationToken cancellationToken) =>
        await ApiImport.RunAsync(this, kind, options, dryRun, approve: false, cancellationToken);
}

/// <summary>A base of the registry; <c>formerCode</c> is the code an enterprise base had before 2026 (16E01), still accepted everywhere.</summary>
public sealed record RegistryBaseResult(string Code, string? FormerCode, string NameZh, string NameEn, string Type, string Province, string Region,
    int BatchYear, bool Active);

public sealed record IndicatorResult(string Code, string NameZh, string NameEn, string UnitZh, string UnitEn, int Decimals, string Aggregation, bool Active);
