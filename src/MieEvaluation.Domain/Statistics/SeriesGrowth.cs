using MieEvaluation.Domain.Evaluation;

namespace MieEvaluation.Domain.Statistics;

/// <summary>
/// Everything one indicator row of the national figures shows for a year range.
/// </summary>
/// <param name="Yearly">One aggregate per year of the range, in year order, each with its N.</param>
/// <param name="Cagr">The compound annual growth of the aggregate from the first to the last year.</param>
/// <param name="YearOnYear">The growth of the aggregate between each pair of consecutive years.</param>
/// <param name="MedianBaseCagr">The median of the bases' own CAGRs over the same range.</param>
public sealed record SeriesGrowth(
    IReadOnlyList<YearAggregate> Yearly,
    GrowthRate Cagr,
    IReadOnlyList<GrowthRate> YearOnYear,
    MedianGrowth MedianBaseCagr)
{
    /// <summary>
    /// Completes already aggregated yearly figures (e.g. from <see cref="YearAggregate.FromSumAndCount"/>
    /// per year) with their CAGR from the first to the last year and their year-on-year growth.
    /// </summary>
    /// <exception cref="ArgumentException">The series is empty or holds a year twice.</exception>
    public static SeriesGrowth FromAggregates(IEnumerable<YearAggregate> yearly, MedianGrowth medianBaseCagr)
    {
        ArgumentNullException.ThrowIfNull(yearly);
        ArgumentNullException.ThrowIfNull(medianBaseCagr);
        var ordered = yearly.OrderBy(aggregate => aggregate.Year).ToList();
        if (ordered.Count == 0)
        {
            throw new ArgumentException("The series has no year.", nameof(yearly));
        }

        var cagr = Growth.Cagr(ordered, ordered[0].Year, ordered[^1].Year);
        return new SeriesGrowth(ordered, cagr, Growth.YearOnYear(ordered), medianBaseCagr);
    }

    /// <summary>
    /// Computes the whole row from per-base values: <see cref="Panel.YearlyAggregates"/> over
    /// <paramref name="baseIds"/>, then growth as in <see cref="FromAggregates"/>, and
    /// <see cref="MedianGrowth.OfBaseCagrs"/> over the same bases.
    /// </summary>
    /// <param name="values">Per-base yearly values of one indicator.</param>
    /// <param name="kind">The indicator's aggregation.</param>
    /// <param name="fromYear">First year of the range.</param>
    /// <param name="toYear">Last year of the range.</param>
    /// <param name="baseIds">The bases to count (e.g. <see cref="Panel.BalancedBaseIds"/>); null for all.</param>
    public static SeriesGrowth FromBaseValues(
        IEnumerable<BaseYearValue> values, AggregationKind kind, int fromYear, int toYear, IReadOnlySet<int>? baseIds = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var materialized = values as IReadOnlyCollection<BaseYearValue> ?? values.ToList();
        return FromAggregates(
            Panel.YearlyAggregates(materialized, kind, fromYear, toYear, baseIds),
            MedianGrowth.OfBaseCagrs(materialized, fromYear, toYear, baseIds));
    }
}
