namespace MieEvaluation.Domain.Statistics;

/// <summary>The median of decimal values.</summary>
public static class Median
{
    /// <summary>
    /// The middle value after sorting; for an even count, the mean of the two middle values.
    /// Null for no values.
    /// </summary>
    public static decimal? Of(IEnumerable<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }
}
