using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Domain.Statistics;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Services.Figures;

/// <summary>
/// The figures every dashboard, base page and export reads. Grouping and summing run in the database, a fixed number
/// of queries whatever the number of indicators or years (SQLite sums decimals exactly through EF Core's ef_sum);
/// the arithmetic on the sums (means, CAGR, medians, ranks) is the Domain's (docs/formulas.md).
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
    public async Task<int> LatestYearAsync(CancellationToken cancellationToken = default) =>
        await db.Submissions.Where(s => s.Values.Any()).MaxAsync(s => (int?)s.Year, cancellationToken) ?? DateTime.UtcNow.Year;

    /// <summary>The national table computed from the database now, bypassing the cache.</summary>
    public async Task<NationalFigures> ComputeNationalAsync(FigureQuery query, CancellationToken cancellationToken = default)
    {
        var indicators = await ActiveIndicatorsAsync(cancellationToken);
        var values = Values(query);

        // The balanced panel: per indicator, the bases with a value in every year of the range. A base has one
        // submission a year and a submission one value per indicator, so counting a base's values counts its years.
        // Each value carries that count, so one grouped pass yields both panels' sums.
        var years = query.YearCount;
        var yearsPerBase = values
            .GroupBy(v => new { v.IndicatorId, v.Submission.BaseId })
            .Select(g => new { g.Key.IndicatorId, g.Key.BaseId, Years = g.Count() });
        var withYears = values.Join(yearsPerBase,
            v => new { v.IndicatorId, v.Submission.BaseId }, c => new { c.IndicatorId, c.BaseId },
            (v, c) => new { v.IndicatorId, v.Submission.Year, v.Submission.BaseId, v.Value, c.Years });

        var sums = await withYears
            .GroupBy(x => new { x.IndicatorId, x.Year })
            .Select(g => new
            {
                g.Key.IndicatorId,
                g.Key.Year,
                Sum = g.Sum(x => x.Value),
                Count = g.Count(),
                BalancedSum = g.Sum(x => x.Years == years ? x.Value : 0m),
                BalancedCount = g.Count(x => x.Years == years),
            })
            .ToListAsync(cancellationToken);
        var all = sums.Select(s => new GroupSum(s.IndicatorId, s.Year, "", s.Sum, s.Count)).ToList();
        var balanced = sums.Where(s => s.BalancedCount > 0)
            .Select(s => new GroupSum(s.IndicatorId, s.Year, "", s.BalancedSum, s.BalancedCount)).ToList();

        // Only the two end years are needed for the per-base CAGRs behind the medians.
        var endpoints = (await withYears
                .Where(x => x.Year == query.FromYear || x.Year == query.ToYear)
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.IndicatorId);

        var rows = indicators.Select(indicator =>
        {
            var ends = endpoints[indicator.Id].Select(x => new BaseYearValue(x.BaseId, x.Year, x.Value)).ToList();
            var panel = endpoints[indicator.Id].Where(x => x.Years == years).Select(x => x.BaseId).ToHashSet();
            return new IndicatorFigures(
                indicator,
                Series(indicator, query, all, "", MedianGrowth.OfBaseCagrs(ends, query.FromYear, query.ToYear)),
                Series(indicator, query, balanced, "", MedianGrowth.OfBaseCagrs(ends, query.FromYear, query.ToYear, panel)));
        }).ToList();
        return new NationalFigures(query, rows);
    }

    /// <summary>
    /// The yearly aggregates split by region, type, batch or province (all reporting bases). For regions a
    /// "central_west" group (中西部) combines central and west from the same sums and counts.
    /// </summary>
    public async Task<IReadOnlyList<IndicatorBreakdown>> ComputeBreakdownAsync(FigureQuery query, Breakdown by, CancellationToken cancellationToken = default)
    {
        var indicators = await ActiveIndicatorsAsync(cancellationToken);
        var values = Values(query);
        var sums = by switch
        {
            Breakdown.Region => (await values.GroupBy(v => new { v.IndicatorId, v.Submission.Year, v.Submission.Base.Province.Region })
                    .Select(g => new { g.Key.IndicatorId, g.Key.Year, g.Key.Region, Sum = g.Sum(v => v.Value), Count = g.Count() })
                    .ToListAsync(cancellationToken))
                .Select(r => new GroupSum(r.IndicatorId, r.Year, r.Region.ToCode(), r.Sum, r.Count)).ToList(),
            Breakdown.Type => (await values.GroupBy(v => new { v.IndicatorId, v.Submission.Year, v.Submission.Base.Type })
                    .Select(g => new { g.Key.IndicatorId, g.Key.Year, g.Key.Type, Sum = g.Sum(v => v.Value), Count = g.Count() })
                    .ToListAsync(cancellationToken))
                .Select(r => new GroupSum(r.IndicatorId, r.Year, r.Type.ToCode(), r.Sum, r.Count)).ToList(),
            Breakdown.Batch => (await values.GroupBy(v => new { v.IndicatorId, v.Submission.Year, v.Submission.Base.BatchYear })
                    .Select(g => new { g.Key.IndicatorId, g.Key.Year, g.Key.BatchYear, Sum = g.Sum(v => v.Value), Count = g.Count() })
                    .ToListAsync(cancellationToken))
                .Select(r => new GroupSum(r.IndicatorId, r.Year, r.BatchYear.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Sum, r.Count)).ToList(),
            _ => await values.GroupBy(v => new { v.IndicatorId, v.Submission.Year, v.Submission.Base.Province.Code })
                .Select(g => new GroupSum(g.Key.IndicatorId, g.Key.Year, g.Key.Code, g.Sum(v => v.Value), g.Count()))
                .ToListAsync(cancellationToken),
        };

        if (by == Breakdown.Region)
        {
            sums.AddRange(sums.Where(s => s.Key is "central" or "west")
                .GroupBy(s => new { s.IndicatorId, s.Year })
                .Select(g => new GroupSum(g.Key.IndicatorId, g.Key.Year, CentralAndWest, g.Sum(s => s.Sum), g.Sum(s => s.Count)))
                .ToList());
        }

        var noMedian = new MedianGrowth(query.FromYear, query.ToYear, null, 0, 0, GrowthUndefinedReason.NoDefinedGrowth);
        return indicators.Select(indicator => new IndicatorBreakdown(indicator,
                sums.Where(s => s.IndicatorId == indicator.Id).Select(s => s.Key).Distinct().Order(StringComparer.Ordinal)
                    .Select(key => new BreakdownGroup(key, Series(indicator, query, sums, key, noMedian))).ToList()))
            .ToList();
    }

    /// <summary>A base's series per indicator, with its growth and its standing among the bases of its type.</summary>
    public async Task<IReadOnlyList<BaseIndicatorFigures>> ForBaseAsync(int baseId, FigureQuery query, CancellationToken cancellationToken = default)
    {
        var indicators = await ActiveIndicatorsAsync(cancellationToken);
        var type = await db.Bases.Where(b => b.Id == baseId).Select(b => b.Type).SingleAsync(cancellationToken);
        var own = (await Values(query with { Type = null, Regions = null, Batch = null, ProvinceCode = null })
                .Where(v => v.Submission.BaseId == baseId)
                .Select(v => new { v.IndicatorId, v.Submission.Year, v.Value })
                .ToListAsync(cancellationToken))
            .ToDictionary(v => (v.IndicatorId, v.Year), v => v.Value);

        // Standing among peers: counted in the database, per indicator and year, against this base's own value.
        var peers = Values(query with { Type = type, Regions = null, Batch = null, ProvinceCode = null });
        var mine = Values(query).Where(v => v.Submission.BaseId == baseId);
        var standings = (await peers
                .Join(mine, p => new { p.IndicatorId, p.Submission.Year }, m => new { m.IndicatorId, m.Submission.Year },
                    (p, m) => new { m.IndicatorId, m.Submission.Year, Higher = p.Value > m.Value ? 1 : 0, Equal = p.Value == m.Value ? 1 : 0 })
                .GroupBy(x => new { x.IndicatorId, x.Year })
                .Select(g => new { g.Key.IndicatorId, g.Key.Year, Higher = g.Sum(x => x.Higher), Equal = g.Sum(x => x.Equal), N = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(s => (s.IndicatorId, s.Year), s => PeerStanding.FromCounts(s.Higher, s.Equal, s.N));

        return indicators.Select(indicator =>
        {
            var years = Enumerable.Range(query.FromYear, query.YearCount).Select(year => new BaseYearFigure(
                year,
                own.TryGetValue((indicator.Id, year), out var value) ? value : null,
                standings.GetValueOrDefault((indicator.Id, year)))).ToList();
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

    private async Task<List<Indicator>> ActiveIndicatorsAsync(CancellationToken cancellationToken) =>
        await db.Indicators.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.DisplayOrder).ToListAsync(cancellationToken);

    private static SeriesGrowth Series(Indicator indicator, FigureQuery query, IReadOnlyList<GroupSum> sums, string key, MedianGrowth median)
    {
        var yearly = Enumerable.Range(query.FromYear, query.YearCount).Select(year =>
        {
            var sum = sums.FirstOrDefault(s => s.IndicatorId == indicator.Id && s.Year == year && s.Key == key);
            return sum is null
                ? new YearAggregate(year, null, 0)
                : YearAggregate.FromSumAndCount(indicator.Aggregation, year, sum.Sum, sum.Count);
        });
        return SeriesGrowth.FromAggregates(yearly, median);
    }

    private sealed record GroupSum(int IndicatorId, int Year, string Key, decimal Sum, int Count);
}
