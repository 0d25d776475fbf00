using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Services.Registry;

/// <summary>A row of the registry page: the base with its province, both names kept for the current language.</summary>
public sealed record RegistryEntry(
    string Code, string NameZh, string NameEn, BaseType Type, string ProvinceCode, string ProvinceZh, string ProvinceEn,
    Region Region, int BatchYear, bool IsActive);

/// <summary>Reads the base registry.</summary>
public sealed class BaseRegistryService(MieDbContext db)
{
    public async Task<IReadOnlyList<RegistryEntry>> ListAsync(RegistryFilter filter, CancellationToken cancellationToken = default)
    {
        var query = db.Bases.AsNoTracking();
        if (filter.Regions is { } regions)
        {
            query = query.Where(b => regions.Contains(b.Province.Region));
        }

        if (filter.Type is { } type)
        {
            query = query.Where(b => b.Type == type);
        }

        if (filter.Batch is { } batch)
        {
            query = query.Where(b => b.BatchYear == batch);
        }

        if (filter.ProvinceCode is { } province)
        {
            query = query.Where(b => b.Province.Code == province);
        }

        return await query
            .OrderBy(b => b.Code)
            .Select(b => new RegistryEntry(b.Code, b.NameZh, b.NameEn, b.Type, b.Province.Code, b.Province.NameZh,
                b.Province.NameEn, b.Province.Region, b.BatchYear, b.IsActive))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The provinces in the seed's order: by region as the National Bureau of Statistics lists them (east, central, west, northeast).</summary>
    public async Task<IReadOnlyList<Province>> ProvincesAsync(CancellationToken cancellationToken = default) =>
        await db.Provinces.AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<int>> BatchYearsAsync(CancellationToken cancellationToken = default) =>
        await db.Bases.Select(b => b.BatchYear).Distinct().OrderBy(y => y).ToListAsync(cancellationToken);
}
