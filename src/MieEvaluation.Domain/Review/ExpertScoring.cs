using MieEvaluation.Domain.Statistics;

namespace MieEvaluation.Domain.Review;

/// <summary>One expert's score of one base on one qualitative criterion of a scheme (专家函评).</summary>
public sealed record ExpertScore(string BaseCode, string Expert, string Criterion, decimal Score);

/// <summary>Which aggregate of the experts' scores a scheme uses for a criterion.</summary>
public enum ExpertAggregate
{
    Mean,
    Median,
    TrimmedMean,
}

/// <summary>
/// A base's scores on one criterion, aggregated (docs/formulas.md, section 15): their number, mean, median and trimmed
/// mean, and — when the round normalises per expert — the mean of the normalised scores.
/// </summary>
public sealed record CriterionResult(string BaseCode, string Criterion, int N, decimal? Mean, decimal? Median, decimal? TrimmedMean, decimal? Normalised)
{
    /// <summary>The aggregate a scheme uses: the chosen one, of the normalised scores when normalisation is on.</summary>
    public decimal? Used(ExpertAggregate aggregate, bool normalised) =>
        normalised ? Normalised : aggregate switch
        {
            ExpertAggregate.Median => Median,
            ExpertAggregate.TrimmedMean => TrimmedMean,
            _ => Mean,
        };
}

/// <summary>Why an expert's scores were used as given rather than normalised.</summary>
public enum NormalisationSkipped
{
    /// <summary>The expert scored fewer than <see cref="ExpertScoring.NormaliseFrom"/> bases on the criterion.</summary>
    TooFewBases,

    /// <summary>The expert gave every base the same score: there is no spread to rescale.</summary>
    NoSpread,
}

/// <summary>How one expert's scores on a criterion were normalised: their own mean and spread, or why not.</summary>
public sealed record ExpertNormalisation(string Expert, string Criterion, int Bases, decimal Mean, double? StandardDeviation, NormalisationSkipped? Skipped);

/// <summary>
/// The aggregation of expert scores (docs/formulas.md, section 15): per base and criterion the mean, median and
/// trimmed mean, and the per-expert normalisation against lenient or harsh raters.
/// </summary>
public static class ExpertScoring
{
    /// <summary>From this many scores on, the trimmed mean drops the highest and the lowest.</summary>
    public const int TrimFrom = 5;

    /// <summary>An expert is normalised only over at least this many bases (fewer say nothing about their habits).</summary>
    public const int NormaliseFrom = 3;

    /// <summary>The mean after dropping one highest and one lowest score when there are at least <see cref="TrimFrom"/>; otherwise the mean.</summary>
    public static decimal? TrimmedMean(IReadOnlyList<decimal> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
        {
            return null;
        }

        if (scores.Count < TrimFrom)
        {
            return scores.Average();
        }

        var sorted = scores.Order().ToList();
        return sorted.Skip(1).Take(sorted.Count - 2).Average();
    }

    /// <summary>
    /// Per base and criterion: N, mean, median, trimmed mean, and when <paramref name="normalise"/> the mean of the
    /// normalised scores (<see cref="Normalise"/>), each normalised score kept within 0 and the criterion's maximum.
    /// </summary>
    public static IReadOnlyList<CriterionResult> Aggregate(IReadOnlyList<ExpertScore> scores, IReadOnlyDictionary<string, decimal> maxScores, bool normalise)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(maxScores);
        var normalised = normalise ? Normalise(scores, maxScores).Scores : null;
        return [.. scores.GroupBy(s => (s.BaseCode, s.Criterion)).OrderBy(g => g.Key.BaseCode, StringComparer.Ordinal).ThenBy(g => g.Key.Criterion, StringComparer.Ordinal)
            .Select(g =>
            {
                var values = g.Select(s => s.Score).ToList();
                decimal? mean = normalised is null ? null : g.Select(s => normalised[s]).Average();
                return new CriterionResult(g.Key.BaseCode, g.Key.Criterion, values.Count, values.Average(), Median.Of(values), TrimmedMean(values), mean);
            })];
    }

    /// <summary>
    /// Per criterion, each expert's scores as z-scores over the bases that expert scored, rescaled to the mean and
    /// standard deviation of all the criterion's scores (population standard deviations): s′ = μ + σ·(s − μₑ)/σₑ,
    /// kept within [0, max]. An expert with fewer than <see cref="NormaliseFrom"/> bases or no spread keeps their scores.
    /// </summary>
    /// <remarks>The square roots are taken in double, as the CAGR's fractional power is (section 2); the result is decimal again.</remarks>
    public static (IReadOnlyDictionary<ExpertScore, decimal> Scores, IReadOnlyList<ExpertNormalisation> Experts) Normalise(
        IReadOnlyList<ExpertScore> scores, IReadOnlyDictionary<string, decimal> maxScores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(maxScores);
        var result = new Dictionary<ExpertScore, decimal>(ReferenceEqualityComparer.Instance);
        var experts = new List<ExpertNormalisation>();
        foreach (var criterion in scores.GroupBy(s => s.Criterion).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var all = criterion.Select(s => s.Score).ToList();
            var pooledMean = all.Average();
            var pooledSd = StandardDeviation(all, pooledMean);
            var max = maxScores.TryGetValue(criterion.Key, out var m) ? m : decimal.MaxValue;
            foreach (var expert in criterion.GroupBy(s => s.Expert).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var own = expert.Select(s => s.Score).ToList();
                var mean = own.Average();
                var sd = StandardDeviation(own, mean);
                NormalisationSkipped? skipped = own.Count < NormaliseFrom ? NormalisationSkipped.TooFewBases : sd == 0 ? NormalisationSkipped.NoSpread : null;
                experts.Add(new ExpertNormalisation(expert.Key, criterion.Key, own.Count, mean, own.Count < NormaliseFrom ? null : sd, skipped));
                foreach (var score in expert)
                {
                    result[score] = skipped is not null
                        ? score.Score
                        : Math.Clamp(pooledMean + (decimal)(pooledSd * (double)(score.Score - mean) / sd), 0m, max);
                }
            }
        }

        return (result, experts);
    }

    /// <summary>The population standard deviation: √(Σ(x − mean)² / n).</summary>
    internal static double StandardDeviation(IReadOnlyList<decimal> values, decimal mean) =>
        values.Count == 0 ? 0 : Math.Sqrt((double)values.Sum(v => (v - mean) * (v - mean)) / values.Count);
}
