using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Domain.Statistics;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Data.Series;

namespace MieEvaluation.Web.Services.Figures;

/// <summary>
/// The figures every dashboard, base page and export reads. The database selects the bases (filters by region, type,
/// batch, province) and hands over one packed series row per base; the arithmetic on them (sums, means, CAGR,
/// balanced panel, medians, ranks) is the Domain's (docs/formulas.md), in one pass per base.
/// </summary>
public sealed class FiguresService(MieDbContext db, FigureCache cache)
{
    /// <summary>The national table, from the exact cache when nothing changed since it was computed.</summary>
    public Task<NationalFigures> NationalAsync(FigureQuery query, CancellationToken cancellationToken = default) =>
        cache.GetOrComputeAsync(db, "national", query, () => ComputeNationalAsync(query, cancellationToken), cancellationToken);

    /// <summary>A breakdown, from the exact cache when nothing changed since it was computed.</summary>
    public Task<IReadOnlyList<IndicatorBreakdown>> BreakdownAsync(FigureQuery query, Breakdown by, CancellationToken cancellationToken = default) =>
        cache.GetOrComputeAsync(db, $"breakdown-{by}", query, () => ComputeBreakdownAsync(query, by, cancellationToken), cancellationToken);

    /// <summary>The last year with any value, or this year when there is none: the dashboard's default end year.</summary>
    /// <remarks>
    /// Walks the (Year, Status) index from the newest year and stops at the first form with a value, instead of
    /// testing every form for values (a second per dashboard at 120,000 forms).
    /// </remarks>
    public async Task<int> LatestYearAsync(CancellationToken cancellationToken = default) =>
        await db.Submissions.Where(s => s.Values.Any()).OrderByDescending(s => s.Year).Select(s => (int?)s.Year)
            .FirstOrDefaultAsync(cancellationToken) ?? DateTime.UtcNow.Year;

    /// <summary>The national table computed from the database now, bypassing the cache.</summary>
    /// <remarks>
    /// One read of one packed series row per base (<see cref="BaseSeries"/>), then a single pass per base through the
    /// Domain's <see cref="PanelTally"/>: all-reporting and balanced sums and each base's own CAGR at once.
    /// </remarks>
    public async Task<NationalFigures> ComputeNationalAsync(FigureQuery query, CancellationToken cancellationToken = default)
    {
        var indicators = await ActiveIndicatorsAsync(cancellationToken);
        var tallies = indicators.Select(_ => new PanelTally(query.FromYear, query.ToYear)).ToArray();
        var scan = new SeriesScan(query, indicators);
        await foreach (var row in SeriesRows(query).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            scan.Load(row.Data);
            for (var slot = 0; slot < indicators.Count; slot++)
            {
                tallies[slot].AddBase(scan.Values(slot));
            }
        }

        return new NationalFigures(query, indicators.Select((indicator, slot) => new IndicatorFigures(
            indicator, tallies[slot].AllReporting(indicator.Aggregation), tallies[slot].BalancedPanel(indicator.Aggregation))).ToList());
    }

    /// <summary>
    /// The yearly aggregates split by region, type, batch or province (all reporting bases). For regions a
    /// "central_west" group (中西部) counts the central and the western bases together.
    /// </summary>
    public async Task<IReadOnlyList<IndicatorBreakdown>> ComputeBreakdownAsync(FigureQuery query, Breakdown by, CancellationToken cancellationToken = default)
    {
        var indicators = await ActiveIndicatorsAsync(cancellationToken);
        var groups = new SortedDictionary<string, PanelTally[]>(StringComparer.Ordinal);
        var scan = new SeriesScan(query, indicators);
        await foreach (var row in SeriesRows(query).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            scan.Load(row.Data);
            foreach (var key in GroupKeys(row, by))
            {
                if (!groups.TryGetValue(key, out var tallies))
                {
                    groups[key] = tallies = indicators.Select(_ => new PanelTally(query.FromYear, query.ToYear, withMedians: false)).ToArray();
                }

                for (var slot = 0; slot < indicators.Count; slot++)
                {
                    tallies[slot].AddBase(scan.Values(slot));
                }
            }
        }

        // A group is listed for an indicator when at least one of its bases reported that indicator in the range.
        return indicators.Select((indicator, slot) => new IndicatorBreakdown(indicator, groups
                .Select(g => new BreakdownGroup(g.Key, g.Value[slot].AllReporting(indicator.Aggregation)))
                .Where(g => g.Growth.Yearly.Any(y => y.N > 0))
                .ToList()))
            .ToList();
    }

    /// <summary>A base's figures, from the exact cache when nothing changed since they were computed.</summary>
    public Task<IReadOnlyList<BaseIndicatorFigures>> ForBaseAsync(int baseId, FigureQuery query, CancellationToken cancellationToken = default) =>
        cache.GetOrComputeAsync(db, $"base-{baseId}", query, () => ComputeForBaseAsync(baseId, query, cancellationToken), cancellationToken);

    /// <summary>A base's series per indicator, with its growth and its standing among the bases of its type.</summary>
    public async Task<IReadOnlyList<BaseIndicatorFigures>> ComputeForBaseAsync(int baseId, FigureQuery query, CancellationToken cancellationToken = default)
    {
        var indicators = await ActiveIndicatorsAsync(cancellationToken);
        var type = await db.Bases.Where(b => b.Id == baseId).Select(b => b.Type).SingleAsync(cancellationToken);
        var ownQuery = query with { Type = null, Regions = null, Batch = null, ProvinceCode = null };
        var own = new SeriesScan(ownQuery, indicators);
        var ownData = await db.BaseSeries.AsNoTracking().Where(s => s.BaseId == baseId).Select(s => s.Data).SingleOrDefaultAsync(cancellationToken);
        own.Load(ownData ?? []);

        // Standing among peers: every base of the same type, counted against this base's own value per indicator and year.
        var standings = new PeerCounts(indicators.Count, query.YearCount);
        var peer = new SeriesScan(ownQuery, indicators);
        await foreach (var row in SeriesRows(ownQuery with { Type = type }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            peer.Load(row.Data);
            standings.Add(own, peer);
        }

        return indicators.Select((indicator, slot) =>
        {
            var mine = own.Values(slot).ToArray();
            var years = Enumerable.Range(0, query.YearCount).Select(i => new BaseYearFigure(
                query.FromYear + i, mine[i], mine[i] is null ? null : standings.Standing(slot, i))).ToList();
            var series = years.Select(y => new YearAggregate(y.Year, y.Value, y.Value is null ? 0 : 1)).ToList();
            return new BaseIndicatorFigures(indicator, years, Growth.Cagr(series, query.FromYear, query.ToYear), Growth.YearOnYear(series));
        }).ToList();
    }

    public const string CentralAndWest = "central_west";

    /// <summary>The values a query counts, for exports that list them.</summary>
    public IQueryable<IndicatorValue> ValuesFor(FigureQuery query) => Values(query);

    private IQueryable<IndicatorValue> Values(FigureQuery query)
    {
        var values = db.IndicatorValues.AsNoTracking()
            .Where(v => v.Submission.Year >= query.FromYear && v.Submission.Year <= query.ToYear && v.Indicator.IsActive);
        if (query.Statuses is { } statuses)
        {
            values = values.Where(v => statuses.Contains(v.Submission.Status));
        }

        if (query.Regions is { } regions)
        {
            values = values.Where(v => regions.Contains(v.Submission.Base.Province.Region));
        }

        if (query.Type is { } type)
        {
            values = values.Where(v => v.Submission.Base.Type == type);
        }

        if (query.Batch is { } batch)
        {
            values = values.Where(v => v.Submission.Base.BatchYear == batch);
        }

        if (query.ProvinceCode is { } province)
        {
            values = values.Where(v => v.Submission.Base.Province.Code == province);
        }

        return values;
    }

    /// <summary>The packed series of the bases a query selects, with what a breakdown groups them by.</summary>
    private IQueryable<SeriesRow> SeriesRows(FigureQuery query)
    {
        var rows = from series in db.BaseSeries.AsNoTracking()
                   join b in db.Bases on series.BaseId equals b.Id
                   select new { series, b };
        if (query.Regions is { } regions)
        {
            rows = rows.Where(r => regions.Contains(r.b.Province.Region));
        }

        if (query.Type is { } type)
        {
            rows = rows.Where(r => r.b.Type == type);
        }

        if (query.Batch is { } batch)
        {
            rows = rows.Where(r => r.b.BatchYear == batch);
        }

        if (query.ProvinceCode is { } province)
        {
            rows = rows.Where(r => r.b.Province.Code == province);
        }

        return rows.Select(r => new SeriesRow(r.b.Province.Region, r.b.Type, r.b.BatchYear, r.b.Province.Code, r.series.Data));
    }

    private static IEnumerable<string> GroupKeys(SeriesRow row, Breakdown by)
    {
        switch (by)
        {
            case Breakdown.Region:
                yield return row.Region.ToCode();
                if (row.Region is Region.Central or Region.West)
                {
                    yield return CentralAndWest;
                }

                break;
            case Breakdown.Type:
                yield return row.Type.ToCode();
                break;
            case Breakdown.Batch:
                yield return row.BatchYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            default:
                yield return row.ProvinceCode;
                break;
        }
    }

    private async Task<List<Indicator>> ActiveIndicatorsAsync(CancellationToken cancellationToken) =>
        await db.Indicators.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.DisplayOrder).ToListAsync(cancellationToken);

    private sealed record SeriesRow(Region Region, BaseType Type, int BatchYear, string ProvinceCode, byte[] Data);
}
