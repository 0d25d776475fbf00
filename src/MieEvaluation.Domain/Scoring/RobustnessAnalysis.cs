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
        Normalisation[] normalisations = options.VaryNormalisation
            ? [Normalisation.MinMax, Normalisation.ZScore, Normalisation.Percentile]
            : [scheme.Normalisation];
        var kernels = normalisations.ToDictionary(n => n, n => new TotalsKernel(inputs, inputs.Scores(n)));
        var nominalKernel = kernels.TryGetValue(scheme.Normalisation, out var ofScheme) ? ofScheme : new TotalsKernel(inputs, inputs.Scores(scheme.Normalisation));

        // Grades by index, highest first; index grades.Length is "below every grade".
        var grades = scheme.Grades.OrderByDescending(g => g.MinScore).ToArray();
        var thresholds = grades.Select(g => (double)g.MinScore).ToArray();
        int GradeIndex(double total)
        {
            var g = 0;
            while (g < thresholds.Length && thresholds[g] > total)
            {
                g++;
            }

            return g;
        }

        var count = bases.Count;
        var totals = new double[count];
        var runRanks = new int[count];
        nominalKernel.Totals(shares.Dimensions, TotalsKernel.Flatten(shares.Items), totals, null);
        var nominalGrades = totals.Select(t => double.IsNaN(t) ? -1 : GradeIndex(t)).ToArray();

        // System.Random with a seed runs the same sequence on every .NET version and machine: a run can be repeated.
        var random = new Random(options.Seed);
        var ranks = new int[count][];
        var rankCounts = new int[count];
        var gradeCounts = new int[count, grades.Length + 1];
        for (var b = 0; b < count; b++)
        {
            ranks[b] = new int[options.Runs];
        }

        var dimensionShares = new double[shares.Dimensions.Count];
        var itemShares = TotalsKernel.Flatten(shares.Items);
        var nominalItems = TotalsKernel.Flatten(shares.Items);
        for (var run = 0; run < options.Runs; run++)
        {
            var normalisation = normalisations[normalisations.Length == 1 ? 0 : random.Next(normalisations.Length)];
            Shake(shares.Dimensions, 0, shares.Dimensions.Count, dimensionShares, options.Spread, random);
            var first = 0;
            foreach (var dimension in shares.Items)
            {
                Shake(nominalItems, first, dimension.Count, itemShares, options.Spread, random);
                first += dimension.Count;
            }

            var kernel = kernels[normalisation];
            kernel.Totals(dimensionShares, itemShares, totals, null);
            kernel.Ranks(totals, runRanks);
            for (var b = 0; b < count; b++)
            {
                if (runRanks[b] > 0)
                {
                    ranks[b][rankCounts[b]++] = runRanks[b];
                    gradeCounts[b, GradeIndex(totals[b])]++;
                }
            }
        }

        var results = new BaseRobustness[count];
        for (var b = 0; b < count; b++)
        {
            var own = ranks[b].AsSpan(0, rankCounts[b]);
            own.Sort();
            var gradeShares = new Dictionary<string, double>();
            for (var g = 0; g <= grades.Length; g++)
            {
                if (gradeCounts[b, g] > 0)
                {
                    gradeShares[g < grades.Length ? grades[g].Code : NoGrade] = (double)gradeCounts[b, g] / options.Runs;
                }
            }

            var other = nominalGrades[b] >= 0 && rankCounts[b] > 0 ? 1 - ((double)gradeCounts[b, nominalGrades[b]] / options.Runs) : 0;
            results[b] = new BaseRobustness(bases[b].Code,
                own.Length == 0 ? null : NearestRank(own, 50), own.Length == 0 ? null : NearestRank(own, 5), own.Length == 0 ? null : NearestRank(own, 95),
                gradeShares, other, nominalGrades[b] >= 0 && other >= UnstableGradeShare);
        }

        return new RobustnessResults(options, results);
    }

    /// <summary>The nearest-rank percentile of sorted values: the value at position ⌈p/100 · n⌉ (from 1).</summary>
    private static int NearestRank(ReadOnlySpan<int> sorted, double percent) =>
        sorted[Math.Max(0, (int)Math.Ceiling(percent / 100 * sorted.Length) - 1)];

    /// <summary>Shares [first, first + count) of <paramref name="nominal"/>, each times a factor in [1 − spread, 1 + spread], renormalised, into <paramref name="shaken"/>.</summary>
    private static void Shake(IReadOnlyList<double> nominal, int first, int count, double[] shaken, double spread, Random random)
    {
        var sum = 0.0;
        for (var i = first; i < first + count; i++)
        {
            // Spread 0 keeps exactly the nominal shares: no renormalisation to move a tie by a rounding.
            shaken[i] = spread == 0 ? nominal[i] : nominal[i] * (1 - spread + (2 * spread * random.NextDouble()));
            sum += shaken[i];
        }

        if (spread != 0)
        {
            for (var i = first; i < first + count; i++)
            {
                shaken[i] /= sum;
            }
        }
    }
}
