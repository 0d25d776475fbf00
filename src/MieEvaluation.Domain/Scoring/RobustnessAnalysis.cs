namespace MieEvaluation.Domain.Scoring;

/// <summary>How the weights are shaken: <paramref name="Spread"/> 0.25 multiplies each by a factor in [0.75, 1.25].</summary>
public sealed record RobustnessOptions(int Runs = 1000, double Spread = 0.25, int Seed = 1, bool VaryNormalisation = false)
{
    public const int MaxRuns = 10_000;
}

/// <summary>How one base's rank and grade hold up over the runs (ranks from the runs in which it has a total).</summary>
public sealed record BaseRobustness(
    string Code,
    int? MedianRank,
    int? RankLow,
    int? RankHigh,
    IReadOnlyDictionary<string, double> GradeShares,
    double ShareOtherGrade,
    bool GradeUnstable);

public sealed record RobustnessResults(RobustnessOptions Options, IReadOnlyList<BaseRobustness> Bases);

/// <summary>
/// Uncertainty analysis as the JRC audits of composite indices do it (docs/formulas.md, 13.8): in each of N seeded
/// runs every dimension share and every item share is multiplied by an independent factor drawn uniformly in
/// [1 − spread, 1 + spread] and renormalised, and optionally the normalisation is drawn among the three; the totals,
/// ranks and grades are computed again. Per base: the median rank, the 5th–95th percentile interval (nearest rank),
/// the share of runs in each grade, and a flag when its grade differs from the nominal one in 20 % of runs or more.
/// </summary>
public static class RobustnessAnalysis
{
    /// <summary>A base whose grade differs from the nominal one in at least this share of runs is flagged.</summary>
    public const double UnstableGradeShare = 0.20;

    /// <summary>The share key for "below every grade".</summary>
    public const string NoGrade = "";

    public static RobustnessResults Run(EvaluationScheme scheme, IReadOnlyList<ScoringBase> bases, int year, RobustnessOptions options)
    {
        var inputs = new ScoringInputs(scheme, bases, year);
        var shares = SchemeShares.Of(inputs);
        var grades = scheme.Grades.OrderByDescending(g => g.MinScore).ToArray();
        var nominalTotals = CompositeScoring.Totals(inputs, inputs.Scores(scheme.Normalisation), shares.Dimensions, shares.Items, out _);
        var nominalGrades = nominalTotals.Select(t => double.IsNaN(t) ? null : CompositeScoring.GradeOf(grades, t)?.Code ?? NoGrade).ToArray();
        Normalisation[] normalisations = options.VaryNormalisation
            ? [Normalisation.MinMax, Normalisation.ZScore, Normalisation.Percentile]
            : [scheme.Normalisation];

        // System.Random with a seed runs the same sequence on every .NET version and machine: a run can be repeated.
        var random = new Random(options.Seed);
        var ranks = new int[bases.Count][];
        var rankCounts = new int[bases.Count];
        var gradeCounts = new Dictionary<string, int>[bases.Count];
        for (var b = 0; b < bases.Count; b++)
        {
            ranks[b] = new int[options.Runs];
            gradeCounts[b] = [];
        }

        for (var run = 0; run < options.Runs; run++)
        {
            var normalisation = normalisations[normalisations.Length == 1 ? 0 : random.Next(normalisations.Length)];
            var dimensionShares = Shake(shares.Dimensions, options.Spread, random);
            var itemShares = shares.Items.Select(s => (IReadOnlyList<double>)Shake(s, options.Spread, random)).ToArray();
            var totals = CompositeScoring.Totals(inputs, inputs.Scores(normalisation), dimensionShares, itemShares, out _);
            var runRanks = CompositeScoring.Ranks(inputs, totals);
            for (var b = 0; b < bases.Count; b++)
            {
                if (runRanks[b] is { } rank)
                {
                    ranks[b][rankCounts[b]++] = rank;
                }

                var grade = double.IsNaN(totals[b]) ? null : CompositeScoring.GradeOf(grades, totals[b])?.Code ?? NoGrade;
                if (grade is not null)
                {
                    gradeCounts[b][grade] = gradeCounts[b].GetValueOrDefault(grade) + 1;
                }
            }
        }

        var results = new BaseRobustness[bases.Count];
        for (var b = 0; b < bases.Count; b++)
        {
            var own = ranks[b].AsSpan(0, rankCounts[b]);
            own.Sort();
            var graded = gradeCounts[b].Values.Sum();
            var gradeShares = gradeCounts[b].ToDictionary(g => g.Key, g => (double)g.Value / options.Runs);
            var other = nominalGrades[b] is { } nominal && graded > 0
                ? 1 - ((double)gradeCounts[b].GetValueOrDefault(nominal) / options.Runs)
                : 0;
            results[b] = new BaseRobustness(bases[b].Code,
                own.Length == 0 ? null : NearestRank(own, 50), own.Length == 0 ? null : NearestRank(own, 5), own.Length == 0 ? null : NearestRank(own, 95),
                gradeShares, other, nominalGrades[b] is not null && other >= UnstableGradeShare);
        }

        return new RobustnessResults(options, results);
    }

    /// <summary>The nearest-rank percentile of sorted values: the value at position ⌈p/100 · n⌉ (from 1).</summary>
    private static int NearestRank(ReadOnlySpan<int> sorted, double percent) =>
        sorted[Math.Max(0, (int)Math.Ceiling(percent / 100 * sorted.Length) - 1)];

    private static double[] Shake(IReadOnlyList<double> shares, double spread, Random random)
    {
        if (spread == 0)
        {
            return [.. shares]; // exactly the nominal shares: no renormalisation to move a tie by a rounding
        }

        var shaken = new double[shares.Count];
        for (var i = 0; i < shaken.Length; i++)
        {
            shaken[i] = shares[i] * (1 - spread + (2 * spread * random.NextDouble()));
        }

        var sum = shaken.Sum();
        for (var i = 0; i < shaken.Length; i++)
        {
            shaken[i] /= sum;
        }

        return shaken;
    }
}
