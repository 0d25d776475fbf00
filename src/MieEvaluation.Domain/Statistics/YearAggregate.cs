using MieEvaluation.Domain.Evaluation;

namespace MieEvaluation.Domain.Statistics;

/// <summary>
/// The national (or group) figure of one indicator in one year, together with how many bases it counts.
/// </summary>
/// <param name="Year">The reporting year.</param>
/// <param name="Value">
/// The mean or the sum (per <see cref="AggregationKind"/>) over the bases that reported a value that year;
/// <see langword="null"/> when no base did (<paramref name="N"/> = 0), never 0 in that case.
/// </param>
/// <param name="N">How many bases the figure is made of. Always shown beside the figure.</param>
public sealed record YearAggregate(int Year, decimal? Value, int N)
{
    /// <summary>
    /// Builds the aggregate from a SUM and a COUNT, as the database delivers them per group.
    /// Mean = <paramref name="sum"/> / <paramref name="count"/> in decimal; Sum = <paramref name="sum"/>.
    /// </summary>
    /// <remarks>
    /// A count of 0 gives a null value whatever <paramref name="sum"/> says, because SQL returns NULL
    /// (which callers often coalesce to 0) for the SUM of no rows.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative or the kind is unknown.</exception>
    public static YearAggregate FromSumAndCount(AggregationKind kind, int year, decimal sum, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return new YearAggregate(year, null, 0);
        }

        var value = kind switch
        {
            AggregationKind.Mean => sum / count,
            AggregationKind.Sum => sum,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown aggregation kind."),
        };
        return new YearAggregate(year, value, count);
    }

    /// <summary>
    /// Aggregates the values that the bases reported in <paramref name="year"/>, one value per base.
    /// Same rule as <see cref="FromSumAndCount"/>; the values are summed in decimal.
    /// </summary>
    public static YearAggregate FromValues(AggregationKind kind, int year, IEnumerable<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sum = 0m;
        var count = 0;
        foreach (var value in values)
        {
            sum += value;
            count++;
        }

        return FromSumAndCount(kind, year, sum, count);
    }
}
