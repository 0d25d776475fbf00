namespace MieEvaluation.Domain.Statistics;

/// <summary>
/// Where one base's value stands among its peers (e.g. the bases of its type) for one indicator and year.
/// </summary>
/// <param name="Rank">
/// 1 + the number of peers with a strictly higher value: 1 is the highest, and ties share the best rank
/// (competition ranking 1, 2, 2, 4).
/// </param>
/// <param name="Percentile">
/// The percentile rank as a fraction (0.75 = 75th percentile, like growth rates; display it with
/// <see cref="Percent.Round(decimal)"/>): (count below + ½ × count equal) / N, where "equal" and N include the base itself.
/// </param>
/// <param name="N">The number of peers with a value, the base included.</param>
public sealed record PeerStanding(int Rank, decimal Percentile, int N)
{
    /// <summary>
    /// The standing of <paramref name="baseId"/> among <paramref name="valueByBase"/> (which must hold the
    /// base itself); null when the base has no value. Values compare numerically, so 1.0 and 1.00 tie.
    /// </summary>
    public static PeerStanding? Of(int baseId, IReadOnlyDictionary<int, decimal> valueByBase)
    {
        ArgumentNullException.ThrowIfNull(valueByBase);
        return valueByBase.TryGetValue(baseId, out var value) ? Compute(value, valueByBase.Values) : null;
    }

    /// <summary>The standing of every base in <paramref name="valueByBase"/>, keyed by base id.</summary>
    public static IReadOnlyDictionary<int, PeerStanding> ForAll(IReadOnlyDictionary<int, decimal> valueByBase)
    {
        ArgumentNullException.ThrowIfNull(valueByBase);
        return valueByBase.ToDictionary(entry => entry.Key, entry => Compute(entry.Value, valueByBase.Values));
    }

    private static PeerStanding Compute(decimal value, IEnumerable<decimal> peerValues)
    {
        int above = 0, equal = 0, below = 0;
        foreach (var peer in peerValues)
        {
            if (peer > value)
            {
                above++;
            }
            else if (peer < value)
            {
                below++;
            }
            else
            {
                equal++;
            }
        }

        return FromCounts(above, equal, above + equal + below);
    }

    /// <summary>
    /// The standing from counts made elsewhere (e.g. by the database): <paramref name="higher"/> peers above the base,
    /// <paramref name="equal"/> peers with the same value (the base included), <paramref name="n"/> peers in all.
    /// </summary>
    public static PeerStanding FromCounts(int higher, int equal, int n)
    {
        if (n <= 0 || equal < 1 || higher < 0 || higher + equal > n)
        {
            throw new ArgumentOutOfRangeException(nameof(n), "The counts must include the base itself.");
        }

        // (below + equal / 2) / n, written over 2n so that the half is not divided separately.
        var below = n - higher - equal;
        var percentile = ((2m * below) + equal) / (2m * n);
        return new PeerStanding(higher + 1, percentile, n);
    }
}
