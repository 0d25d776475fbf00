namespace MieEvaluation.Domain.Statistics;

/// <summary>The median of decimal values.</summary>
public static class Median
{
    /// <summary>
    /// The middle value after sorting; for an even count, the mean of the two middle values.
    /// Null for no values.
    /// </summary>
    /// <remarks>
    /// Found by selection (expected linear time) rather than a full sort: the dashboards take the median of one CAGR
    /// per base, 12 indicators × two panels per table, and a sort of decimals was most of the table's time at scale.
    /// </remarks>
    public static decimal? Of(IEnumerable<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var items = values.ToArray();
        if (items.Length == 0)
        {
            return null;
        }

        var middle = items.Length / 2;
        var upper = Select(items, middle);
        if (items.Length % 2 == 1)
        {
            return upper;
        }

        // After selection everything left of the middle is ≤ it, so the lower middle is the largest of those.
        var lower = items[0];
        for (var i = 1; i < middle; i++)
        {
            lower = Math.Max(lower, items[i]);
        }

        return (lower + upper) / 2m;
    }

    /// <summary>Hoare's selection: puts the k-th smallest at index k, smaller ones left of it, larger right.</summary>
    private static decimal Select(decimal[] items, int k)
    {
        int left = 0, right = items.Length - 1;
        while (left < right)
        {
            var pivot = items[left + ((right - left) / 2)];
            int i = left, j = right;
            while (i <= j)
            {
                while (items[i] < pivot)
                {
                    i++;
                }

                while (items[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (items[i], items[j]) = (items[j], items[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                break;
            }
        }

        return items[k];
    }
}
