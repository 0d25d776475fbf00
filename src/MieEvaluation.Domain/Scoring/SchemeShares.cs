namespace MieEvaluation.Domain.Scoring;

/// <summary>
/// The effective weights of a scheme for one data year (docs/formulas.md, 13.3): each dimension's share of the total
/// and each item's share within its dimension, both summing to 1, with the consistency ratios of AHP matrices.
/// Entropy weights depend on the year's data; the others do not.
/// </summary>
public sealed record SchemeShares(
    IReadOnlyList<double> Dimensions,
    IReadOnlyList<IReadOnlyList<double>> Items,
    double? DimensionConsistencyRatio,
    IReadOnlyList<double?> ItemConsistencyRatios)
{
    public static SchemeShares Of(ScoringInputs inputs)
    {
        var scheme = inputs.Scheme;
        var dimensions = Weigh(scheme.DimensionWeighting, [.. scheme.Dimensions.Select(d => d.Weight)], null);
        var items = new List<IReadOnlyList<double>>();
        var ratios = new List<double?>();
        var first = 0;
        foreach (var dimension in scheme.Dimensions)
        {
            var (shares, ratio) = Weigh(dimension.Weighting, [.. dimension.Items.Select(i => i.Weight)],
                () => EntropyWeights.Of(inputs, first, dimension.Items.Count));
            items.Add(shares);
            ratios.Add(ratio);
            first += dimension.Items.Count;
        }

        return new SchemeShares(dimensions.Shares, items, dimensions.Ratio, ratios);
    }

    private static (double[] Shares, double? Ratio) Weigh(Weighting weighting, decimal[] given, Func<double[]>? entropy)
    {
        switch (weighting.Method)
        {
            case WeightingMethod.Equal:
                return (Enumerable.Repeat(1.0 / given.Length, given.Length).ToArray(), null);
            case WeightingMethod.Ahp:
                var ahp = PairwiseMatrix.Weigh(ParsedMatrix(weighting.Matrix!));
                return ([.. ahp.Weights], ahp.ConsistencyRatio);
            case WeightingMethod.Entropy:
                return (entropy!(), null);
            default:
                var total = given.Sum();
                return ([.. given.Select(w => (double)(w / total))], null);
        }
    }

    /// <summary>The matrix's entries as numbers; the scheme's rules have checked that every entry parses.</summary>
    public static double[,] ParsedMatrix(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var matrix = new double[rows.Count, rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            for (var j = 0; j < rows.Count; j++)
            {
                matrix[i, j] = PairwiseMatrix.ParseEntry(rows[i][j])
                    ?? throw new ArgumentException($"Entry ({i + 1}, {j + 1}) \"{rows[i][j]}\" is not a positive number or fraction.", nameof(rows));
            }
        }

        return matrix;
    }
}

/// <summary>
/// Entropy weights of a dimension's items (docs/formulas.md, 13.3): over the evaluated bases with every item of the
/// dimension defined, on the items' minmax scores within the peer groups whatever the scheme's normalisation,
/// p = s / Σs, e = −(1/ln n)·Σ p ln p (0·ln 0 = 0), d = 1 − e, w = d / Σd. Equal weights when every d is 0; an item
/// whose scores are all 0 (Σs = 0) carries no information (d = 0); fewer than two bases give equal weights.
/// </summary>
public static class EntropyWeights
{
    public static double[] Of(ScoringInputs inputs, int firstItem, int itemCount)
    {
        var scores = inputs.Scores(Normalisation.MinMax);
        var complete = Enumerable.Range(0, inputs.Bases.Count)
            .Where(b => Enumerable.Range(firstItem, itemCount).All(i => !double.IsNaN(scores[i][b]))).ToArray();
        var n = complete.Length;
        var divergence = new double[itemCount];
        if (n >= 2)
        {
            for (var k = 0; k < itemCount; k++)
            {
                var column = complete.Select(b => scores[firstItem + k][b]).ToArray();
                var sum = column.Sum();
                if (sum <= 0)
                {
                    continue;
                }

                var entropy = -column.Select(s => s / sum).Where(p => p > 0).Sum(p => p * Math.Log(p)) / Math.Log(n);
                divergence[k] = 1 - entropy;
            }
        }

        var total = divergence.Sum();
        return total <= 0
            ? Enumerable.Repeat(1.0 / itemCount, itemCount).ToArray()
            : [.. divergence.Select(d => d / total)];
    }
}
