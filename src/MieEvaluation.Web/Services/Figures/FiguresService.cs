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

    /// <summary>The last year with a value counted in <paramref name="scope"/>, or this year when there is none: the default end year.</summary>
    /// <remarks>
    /// Walks the (Year, Status) index from the newest year and stops at the first form with a value, instead of
    /// testing every form for values (a second per dashboard at 120,000 forms).
    /// </remarks>
    public async Task<int> LatestYearAsync(FigureScope scope, CancellationToken cancellationToken = default)
    {
        var counted = FigureScopes.Counted(scope).ToList();
        return await db.Submissions.Where(s => counted.Contains(s.Status) && s.Values.Any(v => v.Value != null))
            .OrderByDescending(s => s.Year).Select(s => (int?)s.Year)
            .FirstOrDefaultAsync(cancellationToken) ?? DateTime.UtcNow.Year;
    }

    /// <summary>
    /// Per year of the query, how many bases of its selection are expected to report: active and designated by that
    /// year. A year whose counted N is below half of it is incomplete (<see cref="FigureScopes.IsIncomplete"/>).
    /// </summary>
    public async Task<IReadOnlyDictionary<int, int>> ExpectedBasesAsync(FigureQuery query, CancellationToken cancellationToken = default)
    {
        var batches = await SelectedBases(query).Where(b => b.IsActive).GroupBy(b => b.BatchYear).Select(g => new { Batch = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return Enumerable.Range(query.FromYear, query.YearCount).ToDictionary(y => y, y => batches.Where(b => b.Batch <= y).Sum(b => b.Count));
    }

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

    /// <summary>
    /// The values a query counts, for exports that list them, by base, year and indicator; optionally of one base or
    /// one indicator (by code). Explained gaps are listed too, with no value and their comment.
    /// </summary>
    public async Task<IReadOnlyList<ValueRow>> ValueRowsAsync(FigureQuery query, string? baseCode = null, string? indicatorCode = null,
        CancellationToken cancellationToken = default)
    {
        var values = Values(query);
        if (!string.IsNullOrWhiteSpace(baseCode))
        {
            values = values.Where(v => v.Submission.Base.Code == baseCode);
        }

        if (!string.IsNullOrWhiteSpace(indicatorCode))
        {
            values = values.Where(v => v.Indicator.Code == indicatorCode);
        }

        return await values.OrderBy(v => v.Submission.Base.Code).ThenBy(v => v.Submission.Year).ThenBy(v => v.Indicator.DisplayOrder)
            .Select(v => new ValueRow(v.Submission.Base.Code, v.Submission.Base.NameZh, v.Submission.Base.NameEn, v.Submission.Base.Province.Region,
                v.Submission.Base.Type, v.Submission.Base.Province.Code, v.Submission.Base.BatchYear, v.Submission.Year,
                v.Indicator.Code, v.Indicator.NameZh, v.Indicator.NameEn, v.Indicator.UnitZh, v.Indicator.UnitEn, v.Indicator.Decimals, v.Value,
                v.Submission.Status, v.Comment))
            .ToListAsync(cancellationToken);
    }

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

    /// <summary>The bases a query selects by region, type, batch and province.</summary>
    private IQueryable<DemonstrationBase> SelectedBases(FigureQuery query)
    {
        var bases = db.Bases.AsNoTracking();
        if (query.Regions is { } regions)
        {
            bases = bases.Where(b => regions.Contains(b.Province.Region));
        }

        if (query.Type is { } type)
        {
            bases = bases.Where(b => b.Type == type);
        }

        if (query.Batch is { } batch)
        {
            bases = bases.Where(b => b.BatchYear == batch);
        }

        if (query.ProvinceCode is { } province)
        {
            bases = bases.Where(b => b.Province.Code == province);
        }

        return bases;
    }

    /// <summary>The packed series of the bases a query selects, with what a breakdown groups them by.</summary>
    private IQueryable<SeriesRow> SeriesRows(FigureQuery query) =>
        from series in db.BaseSeries.AsNoTracking()
        join b in SelectedBases(query) on series.BaseId equals b.Id
        select new SeriesRow(b.Province.Region, b.Type, b.BatchYear, b.Province.Code, series.Data);

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

/// <summary>One value as the exports list it.</summary>
public sealed record ValueRow(string BaseCode, string BaseZh, string BaseEn, Region Region, BaseType Type, string ProvinceCode, int BatchYear, int Year,
    string IndicatorCode, string IndicatorZh, string IndicatorEn, string UnitZh, string UnitEn, int Decimals, decimal? Value, SubmissionStatus Status,
    string? Comment);
