using MieEvaluation.Domain.Registry;
using MieEvaluation.Domain.Statistics;

namespace MieEvaluation.Domain.Scoring;

/// <summary>Why a base has no total.</summary>
public enum TotalUndefinedReason
{
    /// <summary>The weight of its undefined items is above the scheme's <c>max_missing_weight</c>.</summary>
    TooMuchMissingData,
}

/// <summary>One item of one base: raw value, score, what it added to the total, or why it is undefined.</summary>
public sealed record ItemResult(
    string Key,
    string Dimension,
    double? Raw,
    double? Score,
    double Contribution,
    ItemUndefinedReason? UndefinedReason,
    GrowthUndefinedReason? GrowthUndefinedReason);

/// <summary>One base's result: total, rank among its peers, grade, coverage, dimension and item scores.</summary>
public sealed record BaseResult(
    string Code,
    BaseType Type,
    double? Total,
    int? Rank,
    int RankedPeers,
    SchemeGrade? Grade,
    double Coverage,
    TotalUndefinedReason? UndefinedReason,
    IReadOnlyDictionary<string, double?> Dimensions,
    IReadOnlyList<ItemResult> Items);

/// <summary>A scheme's results for one data year, with the weights it used.</summary>
public sealed record SchemeResults(EvaluationScheme Scheme, int Year, SchemeShares Shares, IReadOnlyList<BaseResult> Bases);

/// <summary>
/// The composite score (docs/formulas.md, section 13): item scores, weighted into dimension scores and a total out of
/// 100, ranked within the peer group, graded. Computed in double: the transforms, roots and eigenvectors have no
/// decimal form (ADR 0022); values enter as the decimals stored and results are rounded only for display.
/// </summary>
public static class CompositeScoring
{
    public static SchemeResults Compute(EvaluationScheme scheme, IReadOnlyList<ScoringBase> bases, int year)
    {
        var inputs = new ScoringInputs(scheme, bases, year);
        var shares = SchemeShares.Of(inputs);
        var scores = inputs.Scores(scheme.Normalisation);
        var totals = Totals(inputs, scores, shares.Dimensions, shares.Items, out var coverage);
        var ranks = Ranks(inputs, totals);
        var grades = scheme.Grades.OrderByDescending(g => g.MinScore).ToArray();
        var rankedPeers = new int[bases.Count];
        foreach (var group in inputs.PeerGroups)
        {
            var withTotal = group.Count(p => !double.IsNaN(totals[p]));
            foreach (var b in group)
            {
                rankedPeers[b] = withTotal;
            }
        }

        var results = new BaseResult[bases.Count];
        for (var b = 0; b < bases.Count; b++)
        {
            var (dimensions, items) = Breakdown(inputs, scores, shares, b, !double.IsNaN(totals[b]));
            double? total = double.IsNaN(totals[b]) ? null : totals[b];
            results[b] = new BaseResult(bases[b].Code, bases[b].Type, total, ranks[b], rankedPeers[b],
                total is { } t ? GradeOf(grades, t) : null, coverage[b], total is null ? TotalUndefinedReason.TooMuchMissingData : null,
                dimensions, items);
        }

        return new SchemeResults(scheme, year, shares, results);
    }

    /// <summary>The highest grade whose minimum the total reaches; null below every grade.</summary>
    public static SchemeGrade? GradeOf(IReadOnlyList<SchemeGrade> gradesHighestFirst, double total) =>
        gradesHighestFirst.FirstOrDefault(g => (double)g.MinScore <= total);

    /// <summary>
    /// Each base's total (NaN when undefined) under the given scores and shares, and its coverage:
    /// dimension score = Σ share·score / Σ share over the defined items; missing weight = Σ over undefined items of
    /// dimension share × item share; total = Σ share·score / Σ share over the defined dimensions, unless the missing
    /// weight is above max_missing_weight; coverage = 1 − missing weight.
    /// </summary>
    public static double[] Totals(ScoringInputs inputs, double[][] scores, IReadOnlyList<double> dimensionShares,
        IReadOnlyList<IReadOnlyList<double>> itemShares, out double[] coverage)
    {
        var totals = new double[inputs.Bases.Count];
        coverage = new double[inputs.Bases.Count];
        new TotalsKernel(inputs, scores).Totals(dimensionShares, TotalsKernel.Flatten(itemShares), totals, coverage);
        return totals;
    }

    /// <summary>Rank within the peer group: 1 + the number of peers with a higher total; null without a total.</summary>
    public static int?[] Ranks(ScoringInputs inputs, double[] totals)
    {
        var ranks = new int[totals.Length];
        TotalsKernel.Rank(inputs.PeerGroups, totals, ranks, new double[totals.Length]);
        return [.. ranks.Select(r => r == 0 ? (int?)null : r)];
    }

    /// <summary>
    /// Dimension scores, and per item its score and contribution: effective weight × score, the effective weight being
    /// the dimension's share among the defined dimensions times the item's share among its defined items, so that the
    /// contributions of a base with a total sum to it.
    /// </summary>
    private static (IReadOnlyDictionary<string, double?>, IReadOnlyList<ItemResult>) Breakdown(ScoringInputs inputs, double[][] scores,
        SchemeShares shares, int b, bool hasTotal)
    {
        var dimensions = inputs.Scheme.Dimensions;
        var dimensionScores = new Dictionary<string, double?>();
        var itemShareDefined = new double[dimensions.Count];
        var item = 0;
        for (var d = 0; d < dimensions.Count; d++)
        {
            double sum = 0, share = 0;
            for (var k = 0; k < dimensions[d].Items.Count; k++, item++)
            {
                if (!double.IsNaN(scores[item][b]))
                {
                    sum += shares.Items[d][k] * scores[item][b];
                    share += shares.Items[d][k];
                }
            }

            itemShareDefined[d] = share;
            dimensionScores[dimensions[d].Code] = share > 0 ? sum / share : null;
        }

        var dimensionShareDefined = Enumerable.Range(0, dimensions.Count).Where(d => itemShareDefined[d] > 0).Sum(d => shares.Dimensions[d]);
        var items = new List<ItemResult>();
        item = 0;
        for (var d = 0; d < dimensions.Count; d++)
        {
            for (var k = 0; k < dimensions[d].Items.Count; k++, item++)
            {
                var score = scores[item][b];
                var defined = !double.IsNaN(score);
                // An item whose defined companions all weigh 0 (entropy can give 0) leaves its dimension undefined.
                var contribution = defined && hasTotal && itemShareDefined[d] > 0
                    ? shares.Dimensions[d] / dimensionShareDefined * (shares.Items[d][k] / itemShareDefined[d]) * score
                    : 0;
                items.Add(new ItemResult(dimensions[d].Items[k].Key, dimensions[d].Code,
                    double.IsNaN(inputs.Raw[item][b]) ? null : inputs.Raw[item][b], defined ? score : null, contribution,
                    inputs.Reasons[item][b], inputs.GrowthReasons[item][b]));
            }
        }

        return (dimensionScores, items);
    }
}
