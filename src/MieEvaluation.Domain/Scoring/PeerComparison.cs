using MieEvaluation.Domain.Statistics;

namespace MieEvaluation.Domain.Scoring;

/// <summary>One item of a base against its peers: its score and contribution, and the peers' medians of both.</summary>
public sealed record ItemAgainstPeers(ItemResult Item, double? MedianScore, double? MedianContribution)
{
    /// <summary>Score − the peers' median score; null when either is undefined.</summary>
    public double? Difference => Item.Score is { } s && MedianScore is { } m ? s - m : null;
}

/// <summary>A base's result against the medians of its peers (docs/formulas.md, 13.7).</summary>
public sealed record BaseAgainstPeers(
    BaseResult Base,
    int Peers,
    IReadOnlyDictionary<string, double?> MedianDimensions,
    IReadOnlyList<ItemAgainstPeers> Items)
{
    /// <summary>The items furthest above the peers' median, at most <paramref name="count"/>.</summary>
    public IReadOnlyList<ItemAgainstPeers> Strengths(int count = 3) =>
        [.. Items.Where(i => i.Difference > 0).OrderByDescending(i => i.Difference).Take(count)];

    /// <summary>The items furthest below the peers' median, at most <paramref name="count"/>.</summary>
    public IReadOnlyList<ItemAgainstPeers> Weaknesses(int count = 3) =>
        [.. Items.Where(i => i.Difference < 0).OrderBy(i => i.Difference).Take(count)];
}

/// <summary>
/// Compares a base with the bases of its type that have a total (itself included): the median (section 6's
/// <see cref="Median"/>) of each dimension score, item score and item contribution.
/// </summary>
public static class PeerComparison
{
    public static BaseAgainstPeers Of(SchemeResults results, BaseResult subject)
    {
        var peers = results.Bases.Where(b => b.Type == subject.Type && b.Total is not null).ToList();
        static double? MedianOf(IEnumerable<double?> values) =>
            Median.Of(values.Where(v => v is not null).Select(v => (decimal)v!.Value)) is { } m ? (double)m : null;
        var dimensions = results.Scheme.Dimensions.ToDictionary(d => d.Code, d => MedianOf(peers.Select(p => p.Dimensions[d.Code])));
        var items = subject.Items.Select((item, k) => new ItemAgainstPeers(item,
            MedianOf(peers.Select(p => p.Items[k].Score)), MedianOf(peers.Select(p => (double?)p.Items[k].Contribution)))).ToList();
        return new BaseAgainstPeers(subject, peers.Count, dimensions, items);
    }
}
