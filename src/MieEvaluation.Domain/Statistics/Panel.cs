using MieEvaluation.Domain.Evaluation;

namespace MieEvaluation.Domain.Statistics;

/// <summary>
/// Yearly aggregates over a chosen set of bases, and the balanced panel: the bases that reported in every year
/// of a range. Comparing years over the balanced panel keeps bases that join or leave from posing as growth.
/// </summary>
public static class Panel
{
    /// <summary>
    /// The ids of the bases that have a value in every year from <paramref name="fromYear"/> to
    /// <paramref name="toYear"/> inclusive. Values outside the range are ignored.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toYear"/> is before <paramref name="fromYear"/>.</exception>
    public static IReadOnlySet<int> BalancedBaseIds(IEnumerable<BaseYearValue> values, int fromYear, int toYear)
    {
        var yearsByBase = new Dictionary<int, HashSet<int>>();
        foreach (var value in InRange(values, fromYear, toYear, baseIds: null))
        {
            if (!yearsByBase.TryGetValue(value.BaseId, out var years))
            {
                years = [];
                yearsByBase.Add(value.BaseId, years);
            }

            years.Add(value.Year);
        }

        var yearCount = toYear - fromYear + 1;
        return yearsByBase.Where(entry => entry.Value.Count == yearCount).Select(entry => entry.Key).ToHashSet();
    }

    /// <summary>
    /// One <see cref="YearAggregate"/> per year from <paramref name="fromYear"/> to <paramref name="toYear"/>,
    /// each the mean or sum (<see cref="YearAggregate.FromValues"/>) over the bases in <paramref name="baseIds"/>
    /// that reported that year. A year without any value is present with a null value and N = 0.
    /// </summary>
    /// <param name="values">Per-base yearly values; at most one per base and year.</param>
    /// <param name="kind">Mean or Sum.</param>
    /// <param name="fromYear">First year of the series.</param>
    /// <param name="toYear">Last year of the series.</param>
    /// <param name="baseIds">The bases to count, e.g. <see cref="BalancedBaseIds"/>; null counts every base.</param>
    /// <exception cref="ArgumentException">A base has two values for the same year.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toYear"/> is before <paramref name="fromYear"/>.</exception>
    public static IReadOnlyList<YearAggregate> YearlyAggregates(
        IEnumerable<BaseYearValue> values, AggregationKind kind, int fromYear, int toYear, IReadOnlySet<int>? baseIds = null)
    {
        var valuesByYear = InRange(values, fromYear, toYear, baseIds)
            .ToLookup(value => value.Year, value => value.Value);
        return Enumerable.Range(fromYear, toYear - fromYear + 1)
            .Select(year => YearAggregate.FromValues(kind, year, valuesByYear[year]))
            .ToList();
    }

    /// <summary>
    /// The values within the year range (and base set, when given), checked for duplicates, which would
    /// otherwise be counted twice.
    /// </summary>
    internal static List<BaseYearValue> InRange(
        IEnumerable<BaseYearValue> values, int fromYear, int toYear, IReadOnlySet<int>? baseIds)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(toYear, fromYear);
        var seen = new HashSet<(int BaseId, int Year)>();
        var selected = new List<BaseYearValue>();
        foreach (var value in values)
        {
            if (value.Year < fromYear || value.Year > toYear || (baseIds is not null && !baseIds.Contains(value.BaseId)))
            {
                continue;
            }

            if (!seen.Add((value.BaseId, value.Year)))
            {
                throw new ArgumentException($"Base {value.BaseId} has two values for {value.Year}.", nameof(values));
            }

            selected.Add(value);
        }

        return selected;
    }
}
