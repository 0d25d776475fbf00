namespace MieEvaluation.Domain.Statistics;

/// <summary>
/// The values of a peer group (the bases of one type, one indicator, one year), sorted once, from which the median
/// and the median absolute deviation of the group <em>without</em> any one member are found in O(log n) — exactly the
/// figures <see cref="Median.Of"/> gives on the group with that member removed. An import checks every value of
/// 12,000 bases against ~4,000 peers; recomputing the median and MAD per value would take billions of steps.
/// </summary>
public sealed class PeerDistribution
{
    private readonly decimal[] _sorted;

    public PeerDistribution(IEnumerable<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _sorted = values.ToArray();
        Array.Sort(_sorted);
    }

    private PeerDistribution(decimal[] sorted) => _sorted = sorted;

    /// <summary>
    /// The distribution of an array the caller hands over (sorted in place, not copied): a year of 12,000 bases builds
    /// its groups without a second copy of every value on the large-object heap.
    /// </summary>
    public static PeerDistribution TakeOwnership(decimal[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Array.Sort(values);
        return new PeerDistribution(values);
    }

    public int Count => _sorted.Length;

    /// <summary>
    /// The median and MAD of the group, leaving out one member whose value is <paramref name="without"/> (a base is never
    /// its own peer), or of the whole group when it is null. Null when no value is left.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="without"/> is not a value of the group.</exception>
    public (decimal Median, decimal Mad, int N)? MedianAndMad(decimal? without = null)
    {
        var skip = -1;
        if (without is { } own)
        {
            skip = Array.BinarySearch(_sorted, own);
            if (skip < 0)
            {
                throw new ArgumentException("The value to leave out is not in the group.", nameof(without));
            }
        }

        var group = new Group(_sorted, skip);
        if (group.Count == 0)
        {
            return null;
        }

        var median = MiddleOf(group.Count, group.At);

        // Deviations from the median: falling over the values ≤ median, rising over the rest; read as two rising runs.
        var below = CountAtMost(group, median);
        var deviations = new TwoRuns(below, group.Count - below, i => median - group.At(below - 1 - i), i => group.At(below + i) - median);
        var mad = MiddleOf(group.Count, deviations.Kth);
        return (median, mad, group.Count);
    }

    /// <summary>The median of n ordered values given by their rank, as <see cref="Median.Of"/> defines it.</summary>
    private static decimal MiddleOf(int n, Func<int, decimal> kth)
    {
        var middle = n / 2;
        return n % 2 == 1 ? kth(middle) : (kth(middle - 1) + kth(middle)) / 2m;
    }

    /// <summary>How many values of the group are ≤ <paramref name="limit"/> (the group is sorted).</summary>
    private static int CountAtMost(Group group, decimal limit)
    {
        int lo = 0, hi = group.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (group.At(mid) <= limit)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The sorted values with the one at <c>skip</c> left out (none when skip is −1).</summary>
    private readonly struct Group(decimal[] sorted, int skip)
    {
        public int Count => sorted.Length - (skip >= 0 ? 1 : 0);

        public decimal At(int rank) => skip >= 0 && rank >= skip ? sorted[rank + 1] : sorted[rank];
    }

    /// <summary>Two rising sequences; the k-th smallest (from 0) of both together by binary search over the split.</summary>
    private sealed class TwoRuns(int aCount, int bCount, Func<int, decimal> a, Func<int, decimal> b)
    {
        public decimal Kth(int k)
        {
            // i values are taken from a and k + 1 − i from b; find the smallest i at which a[i] is no longer below the
            // last value taken from b.
            int lo = Math.Max(0, k + 1 - bCount), hi = Math.Min(k + 1, aCount);
            while (lo < hi)
            {
                var i = (lo + hi) / 2;
                var j = k + 1 - i;
                if (j > 0 && a(i) < b(j - 1))
                {
                    lo = i + 1;
                }
                else
                {
                    hi = i;
                }
            }

            var fromB = k + 1 - lo;
            return lo == 0 ? b(fromB - 1) : fromB == 0 ? a(lo - 1) : Math.Max(a(lo - 1), b(fromB - 1));
        }
    }
}
