namespace MieEvaluation.Domain.Statistics;

/// <summary>
/// The median of the per-base CAGRs over a year range: a typical base's growth, which one very large
/// base cannot dominate the way it dominates the growth of the mean.
/// </summary>
/// <param name="FromYear">The start year a.</param>
/// <param name="ToYear">The end year b.</param>
/// <param name="Rate">The median rate as a fraction; null when no base has a defined CAGR.</param>
/// <param name="N">How many bases have a defined CAGR (the bases the median is taken over).</param>
/// <param name="BasesWithoutGrowth">How many bases reported in the range but have no defined CAGR.</param>
/// <param name="UndefinedReason">
/// <see cref="GrowthUndefinedReason.NoDefinedGrowth"/> or <see cref="GrowthUndefinedReason.InvalidRange"/>
/// when <see cref="Rate"/> is null; otherwise null.
/// </param>
public sealed record MedianGrowth(
    int FromYear, int ToYear, decimal? Rate, int N, int BasesWithoutGrowth, GrowthUndefinedReason? UndefinedReason)
{
    public bool IsDefined => Rate.HasValue;

    /// <summary>
    /// For every base with a value in the range, CAGR(a → b) of its own values in years a and b
    /// (<see cref="Growth.Cagr(int, decimal?, int, decimal?)"/>); then the <see cref="Median.Of"/> of the defined ones.
    /// </summary>
    /// <param name="values">Per-base yearly values; at most one per base and year.</param>
    /// <param name="fromYear">The start year a.</param>
    /// <param name="toYear">The end year b.</param>
    /// <param name="baseIds">The bases to consider (e.g. one type, or the balanced panel); null for all.</param>
    /// <exception cref="ArgumentException">A base has two values for the same year.</exception>
    public static MedianGrowth OfBaseCagrs(
        IEnumerable<BaseYearValue> values, int fromYear, int toYear, IReadOnlySet<int>? baseIds = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (toYear <= fromYear)
        {
            return new MedianGrowth(fromYear, toYear, null, 0, 0, GrowthUndefinedReason.InvalidRange);
        }

        var rates = Panel.InRange(values, fromYear, toYear, baseIds)
            .GroupBy(value => value.BaseId)
            .Select(ofBase => Growth.Cagr(
                fromYear, ofBase.FirstOrNull(fromYear), toYear, ofBase.FirstOrNull(toYear)))
            .ToList();
        var defined = rates.Where(rate => rate.IsDefined).Select(rate => rate.Rate!.Value).ToList();
        return OfRates(fromYear, toYear, defined, rates.Count - defined.Count);
    }

    /// <summary>
    /// The median of per-base CAGRs already computed (<see cref="Growth.Cagr(int, decimal?, int, decimal?)"/>):
    /// the defined rates and how many bases had none.
    /// </summary>
    public static MedianGrowth OfRates(int fromYear, int toYear, IEnumerable<decimal> definedRates, int basesWithoutGrowth)
    {
        ArgumentNullException.ThrowIfNull(definedRates);
        if (toYear <= fromYear)
        {
            return new MedianGrowth(fromYear, toYear, null, 0, 0, GrowthUndefinedReason.InvalidRange);
        }

        var defined = definedRates as IReadOnlyCollection<decimal> ?? definedRates.ToList();
        var median = Median.Of(defined);
        return new MedianGrowth(
            fromYear,
            toYear,
            median,
            defined.Count,
            basesWithoutGrowth,
            median is null ? GrowthUndefinedReason.NoDefinedGrowth : null);
    }
}

file static class BaseValuesExtensions
{
    public static decimal? FirstOrNull(this IEnumerable<BaseYearValue> values, int year) =>
        values.Where(value => value.Year == year).Select(value => (decimal?)value.Value).FirstOrDefault();
}
