namespace MieEvaluation.Domain.Scoring;

/// <summary>
/// An item's raw values turned into scores among one peer group (docs/formulas.md, 13.2). Only the peers with a raw
/// value take part (n of them); a peer without one gets no score.
/// </summary>
public static class ItemNormalisation
{
    /// <summary>The score of every peer when the peers do not differ, or there is only one.</summary>
    public const double Neutral = 50;

    /// <summary>
    /// The scores of <paramref name="raw"/>, in the same order; NaN in, NaN out (no value, no score).
    /// minmax: 100·(x − min)/(max − min); zscore: 50 + 10·(x − mean)/σ, σ the population standard deviation;
    /// percentile: 100·(r − 1)/(n − 1), r the ascending rank with ties averaged. <see cref="ItemDirection.Lower"/>
    /// mirrors each: max − x, mean − x, the descending rank.
    /// </summary>
    public static double[] Scores(IReadOnlyList<double> raw, Normalisation method, ItemDirection direction)
    {
        var scores = new double[raw.Count];
        Array.Fill(scores, double.NaN);
        var present = Enumerable.Range(0, raw.Count).Where(i => !double.IsNaN(raw[i])).ToArray();
        if (present.Length == 0)
        {
            return scores;
        }

        var sign = direction == ItemDirection.Lower ? -1.0 : 1.0;
        switch (method)
        {
            case Normalisation.MinMax:
                var min = present.Min(i => raw[i]);
                var max = present.Max(i => raw[i]);
                foreach (var i in present)
                {
                    scores[i] = max == min ? Neutral
                        : 100 * (direction == ItemDirection.Lower ? (max - raw[i]) / (max - min) : (raw[i] - min) / (max - min));
                }

                break;
            case Normalisation.ZScore:
                var mean = present.Average(i => raw[i]);
                var sigma = Math.Sqrt(present.Average(i => (raw[i] - mean) * (raw[i] - mean)));
                foreach (var i in present)
                {
                    scores[i] = sigma == 0 ? Neutral : 50 + (10 * sign * (raw[i] - mean) / sigma);
                }

                break;
            default:
                var ranks = AverageRanks(present.Select(i => sign * raw[i]).ToArray());
                for (var k = 0; k < present.Length; k++)
                {
                    scores[present[k]] = present.Length == 1 ? Neutral : 100 * ((ranks[k] - 1) / (present.Length - 1));
                }

                break;
        }

        // One peer, or peers that all have the same value, give no information either way.
        if (present.Length == 1)
        {
            scores[present[0]] = Neutral;
        }

        return scores;
    }

    /// <summary>Ascending ranks from 1, ties given the mean of the ranks they share.</summary>
    public static double[] AverageRanks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            var rank = ((start + 1) + (end + 1)) / 2.0;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }
}
