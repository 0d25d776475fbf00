using MieEvaluation.Domain.Registry;
using MieEvaluation.Domain.Scoring;

namespace MieEvaluation.UnitTests.Scoring;

/// <summary>Each formula of docs/formulas.md section 13 against small examples worked out by hand.</summary>
public sealed class ScoringFormulas
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void MinMaxPutsTheLowestAt0AndTheHighestAt100AndMirrorsForLower()
    {
        Assert.Equal([0, 50, 100], ItemNormalisation.Scores([10, 20, 30], Normalisation.MinMax, ItemDirection.Higher));
        Assert.Equal([100, 50, 0], ItemNormalisation.Scores([10, 20, 30], Normalisation.MinMax, ItemDirection.Lower));
    }

    [Fact]
    public void ZScoreUsesThePopulationStandardDeviation()
    {
        // mean 2, σ = √((1 + 0 + 1) / 3) = √(2/3); 50 + 10·(1 − 2)/√(2/3) = 50 − 10·√1.5.
        var scores = ItemNormalisation.Scores([1, 2, 3], Normalisation.ZScore, ItemDirection.Higher);

        Assert.Equal(50 - (10 * Math.Sqrt(1.5)), scores[0], Tolerance);
        Assert.Equal(50, scores[1], Tolerance);
        Assert.Equal(50 + (10 * Math.Sqrt(1.5)), scores[2], Tolerance);
        Assert.Equal(50 + (10 * Math.Sqrt(1.5)), ItemNormalisation.Scores([1, 2, 3], Normalisation.ZScore, ItemDirection.Lower)[0], Tolerance);
    }

    [Fact]
    public void PercentileAveragesTiedRanks()
    {
        // Ranks 1.5, 1.5, 3 of n = 3: 100·0.5/2, 100·0.5/2, 100·2/2.
        Assert.Equal([25, 25, 100], ItemNormalisation.Scores([5, 5, 9], Normalisation.Percentile, ItemDirection.Higher));
        Assert.Equal([75, 75, 0], ItemNormalisation.Scores([5, 5, 9], Normalisation.Percentile, ItemDirection.Lower));
    }

    [Theory]
    [InlineData(Normalisation.MinMax)]
    [InlineData(Normalisation.ZScore)]
    [InlineData(Normalisation.Percentile)]
    public void Gives50WhenThePeersDoNotDifferOrThereIsOneAndNothingWithoutAValue(Normalisation method)
    {
        Assert.Equal([50, 50, double.NaN], ItemNormalisation.Scores([7, 7, double.NaN], method, ItemDirection.Higher));
        Assert.Equal([double.NaN, 50], ItemNormalisation.Scores([double.NaN, 3], method, ItemDirection.Lower));
    }

    [Fact]
    public void WeighsAConsistentMatrixByItsRatios()
    {
        // a_ij = w_i / w_j with w = (4, 2, 1) / 7: the eigenvector is w itself, λmax = n, CR = 0.
        var weights = PairwiseMatrix.Weigh(new double[,] { { 1, 2, 4 }, { 0.5, 1, 2 }, { 0.25, 0.5, 1 } });

        Assert.Equal(4.0 / 7, weights.Weights[0], Tolerance);
        Assert.Equal(2.0 / 7, weights.Weights[1], Tolerance);
        Assert.Equal(3, weights.LambdaMax, 1e-9);
        Assert.Equal(0, weights.ConsistencyRatio, 1e-9);
    }

    [Fact]
    public void MeasuresTheInconsistencyOfACyclicMatrix()
    {
        // [[1, a, 1/a], [1/a, 1, a], [a, 1/a, 1]]: by symmetry w = (1, 1, 1)/3, λmax = 1 + a + 1/a; a = 9:
        // CI = (10.111… − 3)/2, CR = CI / 0.58.
        var weights = PairwiseMatrix.Weigh(new double[,] { { 1, 9, 1.0 / 9 }, { 1.0 / 9, 1, 9 }, { 9, 1.0 / 9, 1 } });

        Assert.Equal(1.0 / 3, weights.Weights[2], 1e-9);
        Assert.Equal(((1 + 9 + (1.0 / 9) - 3) / 2) / 0.58, weights.ConsistencyRatio, 1e-9);
    }

    [Theory]
    [InlineData("3", 3.0)]
    [InlineData("1/3", 1.0 / 3)]
    [InlineData(" 2.5 ", 2.5)]
    [InlineData("0", null)]
    [InlineData("-1", null)]
    [InlineData("1/0", null)]
    [InlineData("a/b", null)]
    [InlineData("1/2/3", null)]
    [InlineData("1e3", null)]
    public void ReadsMatrixEntriesAsPositiveNumbersOrFractions(string text, double? expected)
    {
        Assert.Equal(expected, PairwiseMatrix.ParseEntry(text));
    }

    [Fact]
    public void WeighsItemsByEntropyOfTheirMinMaxScores()
    {
        // Three bases of one type; item a raw 0, 5, 10 → minmax 0, 50, 100; item b raw 1, 2, 2 → 0, 100, 100.
        // a: p = 0, 1/3, 2/3; e = −(1/3·ln(1/3) + 2/3·ln(2/3)) / ln 3.  b: p = 0, 1/2, 1/2; e = ln 2 / ln 3.
        var scheme = OneDimension(Weighting.Entropy, new SchemeItem("a", ItemMeasure.Level), new SchemeItem("b", ItemMeasure.Level));
        var inputs = new ScoringInputs(scheme, [Base("x", ("a", 0), ("b", 1)), Base("y", ("a", 5), ("b", 2)), Base("z", ("a", 10), ("b", 2))], 2020);

        var weights = EntropyWeights.Of(inputs, 0, 2);

        var da = 1 + (((1.0 / 3 * Math.Log(1.0 / 3)) + (2.0 / 3 * Math.Log(2.0 / 3))) / Math.Log(3));
        var db = 1 - (Math.Log(2) / Math.Log(3));
        Assert.Equal(da / (da + db), weights[0], Tolerance);
        Assert.Equal(db / (da + db), weights[1], Tolerance);
    }

    [Fact]
    public void RenormalisesOverDefinedItemsAndRefusesATotalBeyondTheMissingWeight()
    {
        // Dimensions 3 : 1 (shares 0.75, 0.25). d1 has items p, q weighted 1 : 1; d2 has r.
        var scheme = new EvaluationScheme("t", "测", "T", Normalisation.MinMax, PeerGroup.All, 0.4m, Weighting.Given,
            [
                new SchemeDimension("d1", "一", "One", 3, Weighting.Given, [new SchemeItem("p", ItemMeasure.Level), new SchemeItem("q", ItemMeasure.Level)]),
                new SchemeDimension("d2", "二", "Two", 1, Weighting.Given, [new SchemeItem("r", ItemMeasure.Level)]),
            ],
            [new SchemeGrade("good", "好", "Good", 60)]);
        var bases = new[]
        {
            Base("hi", ("p", 10), ("q", 10), ("r", 10)), // scores 100, 100, 100
            Base("lo", ("p", 0), ("q", 0), ("r", 0)),    // scores 0, 0, 0
            Base("gap", ("p", 10), ("r", 0)),             // p 100, q missing (weight 0.75·0.5 = 0.375 ≤ 0.4), r 0
            Base("thin", ("r", 10)),                      // only r: missing 0.75 > 0.4
        };

        var results = CompositeScoring.Compute(scheme, bases, 2020).Bases.ToDictionary(b => b.Code);

        Assert.Equal(100, results["hi"].Total!.Value, Tolerance);
        Assert.Equal(0, results["lo"].Total!.Value, Tolerance);
        // d1 = 100 (q missing, p's share renormalised to 1), d2 = 0; total = 0.75·100 + 0.25·0.
        Assert.Equal(75, results["gap"].Total!.Value, Tolerance);
        Assert.Equal(1 - 0.375, results["gap"].Coverage, Tolerance);
        Assert.Equal(75, results["gap"].Items.Single(i => i.Key == "p:level").Contribution, Tolerance);
        Assert.Null(results["thin"].Total);
        Assert.Equal(TotalUndefinedReason.TooMuchMissingData, results["thin"].UndefinedReason);
        Assert.Null(results["thin"].Rank);
        Assert.Null(results["thin"].Dimensions["d1"]);
        Assert.Equal((1, 2, 3), (results["hi"].Rank!.Value, results["gap"].Rank!.Value, results["lo"].Rank!.Value));
        Assert.Equal(("good", "good", null), (results["hi"].Grade?.Code, results["gap"].Grade?.Code, results["lo"].Grade?.Code));
        Assert.All(results.Values.Where(r => r.Total is not null), r => Assert.Equal(3, r.RankedPeers));
    }

    [Fact]
    public void GivesTiedTotalsTheSameRankAndSkipsTheNext()
    {
        var scheme = OneDimension(Weighting.Given, new SchemeItem("a", ItemMeasure.Level));
        var results = CompositeScoring.Compute(scheme, [Base("x", ("a", 5)), Base("y", ("a", 5)), Base("z", ("a", 1))], 2020).Bases;

        Assert.Equal([1, 1, 3], results.Select(r => r.Rank!.Value));
    }

    [Fact]
    public void RanksWithinTheTypeWhenThePeerGroupIsTheType()
    {
        var scheme = OneDimension(Weighting.Given, new SchemeItem("a", ItemMeasure.Level)) with { PeerGroup = PeerGroup.Type };
        var results = CompositeScoring.Compute(scheme,
            [Base("r1", ("a", 5)), Base("r2", ("a", 9)), Base("u1", ("a", 1)) with { Type = BaseType.UnivInst }], 2020).Bases;

        // The single university is its own peer group: rank 1, score 50.
        Assert.Equal([2, 1, 1], results.Select(r => r.Rank!.Value));
        Assert.Equal(50, results[2].Total!.Value, Tolerance);
    }

    [Fact]
    public void TakesGrowthAsTheCagrOfTheBasesOwnValuesAndTransformsLevelsOnly()
    {
        var scheme = OneDimension(Weighting.Equal,
            new SchemeItem("a", ItemMeasure.Growth, GrowthSpan: 2),
            new SchemeItem("a", ItemMeasure.Level, Transform: ItemTransform.Log1p));
        var inputs = new ScoringInputs(scheme, [Base("x", ("a", 100, 2018), ("a", 121, 2020)), Base("y", ("a", 0, 2018), ("a", 5, 2020))], 2020);

        Assert.Equal(0.1, inputs.Raw[0][0], Tolerance); // (121/100)^(1/2) − 1
        Assert.True(double.IsNaN(inputs.Raw[0][1]));   // the start is 0: undefined
        Assert.Equal(ItemUndefinedReason.GrowthUndefined, inputs.Reasons[0][1]);
        Assert.Equal(Math.Log(122), inputs.Raw[1][0], Tolerance);
    }

    private static EvaluationScheme OneDimension(Weighting weighting, params SchemeItem[] items) =>
        new("t", "测", "T", Normalisation.MinMax, PeerGroup.All, 1m, Weighting.Given,
            [new SchemeDimension("d", "一", "One", 1, weighting, items)], []);

    private static ScoringBase Base(string code, params (string Indicator, decimal Value)[] values) =>
        new(code, BaseType.Regional, values.ToDictionary(v => (v.Indicator, 2020), v => v.Value));

    private static ScoringBase Base(string code, params (string Indicator, decimal Value, int Year)[] values) =>
        new(code, BaseType.Regional, values.ToDictionary(v => (v.Indicator, v.Year), v => v.Value));
}
