using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Domain.Scoring;

namespace MieEvaluation.UnitTests.Scoring;

/// <summary>Invariants of the composite score over random bases and values.</summary>
public sealed class ScoringProperties
{
    private static readonly string[] Indicators = ["a", "b", "c", "d"];

    /// <summary>2–40 bases of random types, each with a value (0 … 10,000, some repeated, some missing) per indicator.</summary>
    private static readonly Gen<ScoringBase[]> Bases =
        from count in Gen.Choose(2, 40)
        from types in Gen.ArrayOf(Gen.Elements(BaseType.Regional, BaseType.UnivInst, BaseType.Enterprise), count)
        from values in Gen.ArrayOf(Gen.OneOf(Gen.Choose(0, 10_000), Gen.Elements(0, 7, 7, -1)), count * Indicators.Length)
        select Enumerable.Range(0, count).Select(b => new ScoringBase($"B{b}", types[b],
            Enumerable.Range(0, Indicators.Length).Where(i => values[(b * Indicators.Length) + i] >= 0)
                .ToDictionary(i => (Indicators[i], 2020), i => (decimal)values[(b * Indicators.Length) + i]))).ToArray();

    private static readonly Gen<Normalisation> Normalisations = Gen.Elements(Normalisation.MinMax, Normalisation.ZScore, Normalisation.Percentile);

    [Property(MaxTest = 200)]
    public Property MinMaxAndPercentileScoresStayWithin0And100() =>
        Prop.ForAll(Arb.From(Bases), Arb.From(Gen.Elements(Normalisation.MinMax, Normalisation.Percentile)), (bases, normalisation) =>
        {
            var results = CompositeScoring.Compute(Scheme(normalisation), bases, 2020);

            Assert.All(results.Bases.SelectMany(b => b.Items).Where(i => i.Score is not null), i => Assert.InRange(i.Score!.Value, 0, 100));
            Assert.All(results.Bases.Where(b => b.Total is not null), b => Assert.InRange(b.Total!.Value, -1e-9, 100 + 1e-9));
        });

    [Property(MaxTest = 200)]
    public Property RanksCountTheHigherTotalsOfThePeers() =>
        Prop.ForAll(Arb.From(Bases), Arb.From(Normalisations), (bases, normalisation) =>
        {
            var results = CompositeScoring.Compute(Scheme(normalisation), bases, 2020).Bases;

            foreach (var group in results.Where(r => r.Total is not null).GroupBy(r => r.Type))
            {
                var totals = group.Select(r => r.Total!.Value).ToList();
                Assert.All(group, r => Assert.Equal(1 + totals.Count(t => t > r.Total!.Value), r.Rank));
                // A permutation with ties: the ranks sorted are 1 … n where no tie, and rank 1 always exists.
                Assert.Contains(1, group.Select(r => r.Rank!.Value));
                Assert.All(group, r => Assert.Equal(group.Count(), r.RankedPeers));
            }
        });

    [Property(MaxTest = 200)]
    public Property ContributionsSumToTheTotal() =>
        Prop.ForAll(Arb.From(Bases), Arb.From(Normalisations), (bases, normalisation) =>
        {
            var results = CompositeScoring.Compute(Scheme(normalisation), bases, 2020).Bases;

            Assert.All(results.Where(r => r.Total is not null), r => Assert.Equal(r.Total!.Value, r.Items.Sum(i => i.Contribution), 1e-9));
        });

    [Property(MaxTest = 100)]
    public Property ASpreadOfZeroCollapsesEveryIntervalToTheNominalRank() =>
        Prop.ForAll(Arb.From(Bases), Arb.From(Normalisations), Arb.From(Gen.Choose(1, 1000)), (bases, normalisation, seed) =>
        {
            var scheme = Scheme(normalisation);
            var nominal = CompositeScoring.Compute(scheme, bases, 2020);
            var robustness = RobustnessAnalysis.Run(scheme, bases, 2020, new RobustnessOptions(Runs: 20, Spread: 0, Seed: seed, VaryNormalisation: false));

            foreach (var (result, spread) in nominal.Bases.Zip(robustness.Bases))
            {
                Assert.Equal(result.Rank, spread.MedianRank);
                Assert.Equal(result.Rank, spread.RankLow);
                Assert.Equal(result.Rank, spread.RankHigh);
                Assert.False(spread.GradeUnstable);
            }
        });

    private static EvaluationScheme Scheme(Normalisation normalisation) =>
        new("p", "性质", "Properties", normalisation, PeerGroup.Type, 0.5m, Weighting.Given,
            [
                new SchemeDimension("x", "甲", "X", 2, Weighting.Given,
                    [new SchemeItem("a", ItemMeasure.Level, 3, Transform: ItemTransform.Sqrt), new SchemeItem("b", ItemMeasure.Level, 1, Direction: ItemDirection.Lower)]),
                new SchemeDimension("y", "乙", "Y", 1, Weighting.Entropy, [new SchemeItem("c", ItemMeasure.Level), new SchemeItem("d", ItemMeasure.Level)]),
            ],
            [new SchemeGrade("top", "优", "Top", 70), new SchemeGrade("mid", "中", "Mid", 40)]);
}
