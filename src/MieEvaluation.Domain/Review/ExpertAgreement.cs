namespace MieEvaluation.Domain.Review;

/// <summary>Why Kendall's W is undefined.</summary>
public enum ConcordanceUndefinedReason
{
    /// <summary>Fewer than two experts scored the same bases.</summary>
    TooFewExperts,

    /// <summary>Fewer than two bases were scored by every expert of the group.</summary>
    TooFewBases,

    /// <summary>Every expert gave every base the same score: there is no order to agree on.</summary>
    NoOrder,
}

/// <summary>Kendall's coefficient of concordance of a group on a criterion, over the bases every member scored.</summary>
public sealed record Concordance(int Experts, int Bases, double? W, ConcordanceUndefinedReason? UndefinedReason);

/// <summary>Why an expert is flagged for the group leader (never dropped: the scores stay in every aggregate).</summary>
public enum DisagreementKind
{
    /// <summary>The expert orders the bases against the others: Spearman's ρ with the others' means is below 0.</summary>
    OppositeOrder,

    /// <summary>The expert's scores are on average more than a fifth of the maximum score away from the others' means.</summary>
    FarFromOthers,
}

/// <summary>An expert flagged on a criterion, with the measure that flagged them.</summary>
public sealed record Disagreement(string Expert, string Criterion, DisagreementKind Kind, int CommonBases, double Value);

/// <summary>One base scored by its own group and by the cross-reviewing group, and whether they differ too much.</summary>
public sealed record CrossReviewDifference(string BaseCode, string Criterion, decimal Own, decimal Cross, decimal Difference, bool Flagged);

/// <summary>
/// How far the experts agree (docs/formulas.md, section 15): Kendall's W per group and criterion, the experts whose
/// scores are far from their colleagues', and the differences between a base's two groups in the cross review.
/// </summary>
public static class ExpertAgreement
{
    /// <summary>A disagreement needs at least this many bases scored by the expert and by another member.</summary>
    public const int CompareFrom = 3;

    /// <summary>The mean distance from the others, as a share of the maximum score, above which an expert is flagged.</summary>
    public const decimal FarShare = 0.2m;

    /// <summary>
    /// Kendall's W = 12·S / (m²(n³ − n) − m·ΣT) over the n bases that all m experts scored, where each expert's scores
    /// are ranked (ties share the mean rank), S = Σ(Rᵢ − R̄)² over the bases' rank sums, and T = Σ(t³ − t) over each
    /// expert's groups of t tied scores. 1 is complete agreement, 0 none.
    /// </summary>
    public static Concordance KendallW(IReadOnlyList<ExpertScore> groupScores)
    {
        ArgumentNullException.ThrowIfNull(groupScores);
        var experts = groupScores.Select(s => s.Expert).Distinct(StringComparer.Ordinal).ToList();
        var common = experts.Count == 0
            ? []
            : experts.Select(e => groupScores.Where(s => s.Expert == e).Select(s => s.BaseCode).ToHashSet(StringComparer.Ordinal))
                .Aggregate((a, b) => { a.IntersectWith(b); return a; }).Order(StringComparer.Ordinal).ToList();
        var (m, n) = (experts.Count, common.Count);
        if (m < 2)
        {
            return new Concordance(m, n, null, ConcordanceUndefinedReason.TooFewExperts);
        }

        if (n < 2)
        {
            return new Concordance(m, n, null, ConcordanceUndefinedReason.TooFewBases);
        }

        var scoreOf = new Dictionary<(string Expert, string Base), decimal>();
        foreach (var score in groupScores)
        {
            scoreOf.TryAdd((score.Expert, score.BaseCode), score.Score); // the first, as a repeated score is one too many
        }

        var rankSums = new double[n];
        var ties = 0.0;
        foreach (var expert in experts)
        {
            var scores = common.Select(b => scoreOf[(expert, b)]).ToList();
            var ranks = Ranks(scores);
            for (var i = 0; i < n; i++)
            {
                rankSums[i] += ranks[i];
            }

            ties += scores.GroupBy(s => s).Sum(g => Math.Pow(g.Count(), 3) - g.Count());
        }

        var meanSum = rankSums.Average();
        var s2 = rankSums.Sum(r => (r - meanSum) * (r - meanSum));
        var denominator = (m * m * (Math.Pow(n, 3) - n)) - (m * ties);
        return denominator <= 0
            ? new Concordance(m, n, null, ConcordanceUndefinedReason.NoOrder)
            : new Concordance(m, n, 12 * s2 / denominator, null);
    }

    /// <summary>
    /// The experts of a group whose scores on a criterion are far from their colleagues': for each expert, over the
    /// bases they and at least one other member scored (at least <see cref="CompareFrom"/>), the others' mean per base;
    /// flagged when Spearman's ρ between the expert's scores and those means is below 0 (<see cref="DisagreementKind.OppositeOrder"/>),
    /// or when the mean absolute difference exceeds <see cref="FarShare"/> of the maximum score (<see cref="DisagreementKind.FarFromOthers"/>).
    /// </summary>
    public static IReadOnlyList<Disagreement> Disagreements(IReadOnlyList<ExpertScore> groupScores, IReadOnlyDictionary<string, decimal> maxScores)
    {
        ArgumentNullException.ThrowIfNull(groupScores);
        ArgumentNullException.ThrowIfNull(maxScores);
        var flagged = new List<Disagreement>();
        foreach (var criterion in groupScores.GroupBy(s => s.Criterion).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var byBase = criterion.GroupBy(s => s.BaseCode).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (var expert in criterion.Select(s => s.Expert).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var pairs = criterion.Where(s => s.Expert == expert)
                    .Select(s => (Own: s.Score, Others: byBase[s.BaseCode].Where(o => o.Expert != expert).Select(o => o.Score).ToList()))
                    .Where(p => p.Others.Count > 0)
                    .Select(p => (p.Own, Others: p.Others.Average()))
                    .ToList();
                if (pairs.Count < CompareFrom)
                {
                    continue;
                }

                var rho = Spearman([.. pairs.Select(p => p.Own)], [.. pairs.Select(p => p.Others)]);
                if (rho is < 0)
                {
                    flagged.Add(new Disagreement(expert, criterion.Key, DisagreementKind.OppositeOrder, pairs.Count, rho.Value));
                }

                var distance = pairs.Average(p => Math.Abs(p.Own - p.Others));
                if (maxScores.TryGetValue(criterion.Key, out var max) && distance > FarShare * max)
                {
                    flagged.Add(new Disagreement(expert, criterion.Key, DisagreementKind.FarFromOthers, pairs.Count, (double)(distance / max)));
                }
            }
        }

        return flagged;
    }

    /// <summary>Per base and criterion scored by both groups: the two means and whether they differ by more than <paramref name="threshold"/>.</summary>
    public static IReadOnlyList<CrossReviewDifference> CrossReview(IReadOnlyList<ExpertScore> own, IReadOnlyList<ExpertScore> cross, decimal threshold)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(cross);
        var crossMeans = cross.GroupBy(s => (s.BaseCode, s.Criterion)).ToDictionary(g => g.Key, g => g.Average(s => s.Score));
        return [.. own.GroupBy(s => (s.BaseCode, s.Criterion)).Where(g => crossMeans.ContainsKey(g.Key))
            .OrderBy(g => g.Key.BaseCode, StringComparer.Ordinal).ThenBy(g => g.Key.Criterion, StringComparer.Ordinal)
            .Select(g =>
            {
                var (mean, other) = (g.Average(s => s.Score), crossMeans[g.Key]);
                return new CrossReviewDifference(g.Key.BaseCode, g.Key.Criterion, mean, other, other - mean, Math.Abs(other - mean) > threshold);
            })];
    }

    /// <summary>Ranks, 1 for the highest score; tied scores share the mean of the ranks they span.</summary>
    internal static double[] Ranks(IReadOnlyList<decimal> scores)
    {
        var order = scores.Select((s, i) => (Score: s, Index: i)).OrderByDescending(p => p.Score).ToList();
        var ranks = new double[scores.Count];
        for (var start = 0; start < order.Count;)
        {
            var end = start;
            while (end + 1 < order.Count && order[end + 1].Score == order[start].Score)
            {
                end++;
            }

            var rank = ((start + 1) + (end + 1)) / 2.0;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k].Index] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }

    /// <summary>Spearman's ρ: Pearson's correlation of the two lists' ranks; null when either has no spread.</summary>
    internal static double? Spearman(IReadOnlyList<decimal> x, IReadOnlyList<decimal> y)
    {
        var (rx, ry) = (Ranks(x), Ranks(y));
        var (mx, my) = (rx.Average(), ry.Average());
        var covariance = rx.Zip(ry).Sum(p => (p.First - mx) * (p.Second - my));
        var spread = Math.Sqrt(rx.Sum(r => (r - mx) * (r - mx)) * ry.Sum(r => (r - my) * (r - my)));
        return spread == 0 ? null : covariance / spread;
    }
}
