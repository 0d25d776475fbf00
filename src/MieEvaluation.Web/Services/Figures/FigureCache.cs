using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Services.Figures;

/// <summary>
/// Computed figures by query and <see cref="DataVersion"/>: exact, because any write that affects the figures bumps
/// the version first and a result is only ever served for the version it was computed under. Bounded in entries, so
/// arbitrary filter combinations in URLs cannot fill the memory.
/// </summary>
/// <param name="enabled">
/// Setting <c>Figures:Cache</c>, on by default. Off, every request computes its figures: only for measuring the
/// uncached path (bench/), never needed for correctness.
/// </param>
public sealed class FigureCache(bool enabled = true) : IDisposable
{
    public const int MaxEntries = 500;
    public const string EnabledSetting = "Figures:Cache";

    public bool Enabled => enabled;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    public async Task<T> GetOrComputeAsync<T>(MieDbContext db, string kind, FigureQuery query, Func<Task<T>> compute,
        CancellationToken cancellationToken)
        where T : class
    {
        if (!enabled)
        {
            return await compute();
        }

        var version = await VersionAsync(db, cancellationToken);
        var key = $"{kind}|v{version.ToString(CultureInfo.InvariantCulture)}|{Describe(query)}";
        if (_cache.TryGetValue(key, out T? cached) && cached is not null)
        {
            return cached;
        }

        var result = await compute();
        _cache.Set(key, result, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return result;
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>The figures' data version now: what every cached figure and page is keyed by.</summary>
    internal static Task<long> VersionAsync(MieDbContext db, CancellationToken cancellationToken) =>
        db.DataVersions.AsNoTracking().Where(v => v.Id == DataVersion.SingletonId).Select(v => v.Version).SingleAsync(cancellationToken);

    /// <summary>A canonical text of the query: sets sorted, so equal queries give equal keys.</summary>
    internal static string Describe(FigureQuery query) => string.Join('|',
        query.FromYear.ToString(CultureInfo.InvariantCulture),
        query.ToYear.ToString(CultureInfo.InvariantCulture),
        query.Regions is null ? "*" : string.Join(',', query.Regions.Select(r => r.ToString()).Order(StringComparer.Ordinal)),
        query.Type?.ToString() ?? "*",
        query.Batch?.ToString(CultureInfo.InvariantCulture) ?? "*",
        query.ProvinceCode ?? "*",
        query.Statuses is null ? "*" : string.Join(',', query.Statuses.Select(s => s.ToString()).Order(StringComparer.Ordinal)));
}
