using MieEvaluation.Domain.Review;

namespace MieEvaluation.UnitTests.Review;

/// <summary>Each formula of docs/formulas.md section 15 against examples worked out by hand or published.</summary>
public sealed class ExpertScoringFormulas
{
    private const double Tolerance = 1e-9;
    private static readonly Dictionary<string, decimal> MaxScores = new() { ["plan"] = 100m };

    private static List<ExpertScore> Scores(params (string Base, string Expert, decimal Score)[] scores) =>
        [.. scores.Select(s => new ExpertScore(s.Base, s.Expert, "plan", s.Score))];

    [Fact]
    public void TheTrimmedMeanDropsTheHighestAndLowestFromFiveScoresOn()
    {
        // Five scores: (70 + 80 + 90) / 3 = 80, against a mean of 390 / 5 = 78.
        Assert.Equal(80m, ExpertScoring.TrimmedMean([50m, 100m, 80m, 70m, 90m]));
        // Four: the mean, (50 + 70 + 80 + 100) / 4 = 75.
        Assert.Equal(75m, ExpertScoring.TrimmedMean([50m, 100m, 80m, 70m]));
        Assert.Null(ExpertScoring.TrimmedMean([]));
    }

    [Fact]
    public void AggregatesGiveNMeanMedianAndTrimmedMeanPerBase()
    {
        var scores = Scores(("A", "e1", 50), ("A", "e2", 100), ("A", "e3", 80), ("A", "e4", 70), ("A", "e5", 90), ("B", "e1", 60), ("B", "e2", 65));

        var results = ExpertScoring.Aggregate(scores, MaxScores, normalise: false);

        var a = results.Single(r => r.BaseCode == "A");
        Assert.Equal((5, 78m, 80m, 80m), (a.N, a.Mean, a.Median, a.TrimmedMean));
        Assert.Null(a.Normalised);
        var b = results.Single(r => r.BaseCode == "B");
        Assert.Equal((2, 62.5m, 62.5m, 62.5m), (b.N, b.Mean, b.Median, b.TrimmedMean));
        Assert.Equal(80m, a.Used(ExpertAggregate.TrimmedMean, normalised: false));
        Assert.Equal(78m, a.Used(ExpertAggregate.Mean, normalised: false));
    }

    [Fact]
    public void NormalisationPutsALenientAndAHarshExpertOnTheSameScale()
    {
        // e1 is harsh (60, 70, 80), e2 lenient (80, 90, 100), same order. Pooled: mean 80, σ = √(1000/6);
        // each expert: σ = √(200/3), z = −√1.5, 0, √1.5; 80 + √(1000/6)·√1.5 = 80 + √250.
        var scores = Scores(("A", "e1", 60), ("B", "e1", 70), ("C", "e1", 80), ("A", "e2", 80), ("B", "e2", 90), ("C", "e2", 100));

        var results = ExpertScoring.Aggregate(scores, MaxScores, normalise: true).ToDictionary(r => r.BaseCode);

        Assert.Equal(80 - Math.Sqrt(250), (double)results["A"].Normalised!.Value, 1e-6);
        Assert.Equal(80, (double)results["B"].Normalised!.Value, 1e-6);
        Assert.Equal(80 + Math.Sqrt(250), (double)results["C"].Normalised!.Value, 1e-6);
        // Without normalisation base A is the mean of 60 and 80.
        Assert.Equal(70m, results["A"].Mean);
        Assert.Equal(results["A"].Normalised, results["A"].Used(ExpertAggregate.Median, normalised: true));
    }

    [Fact]
    public void AnExpertWithTooFewBasesOrNoSpreadKeepsTheirScores()
    {
        var scores = Scores(("A", "e1", 60), ("B", "e1", 70), ("A", "e2", 75), ("B", "e2", 75), ("C", "e2", 75));

        var (normalised, experts) = ExpertScoring.Normalise(scores, MaxScores);

        Assert.Equal(NormalisationSkipped.TooFewBases, experts.Single(e => e.Expert == "e1").Skipped);
        Assert.Equal(NormalisationSkipped.NoSpread, experts.Single(e => e.Expert == "e2").Skipped);
        Assert.All(scores, s => Assert.Equal(s.Score, normalised[s]));
    }

    [Fact]
    public void NormalisedScoresStayWithinZeroAndTheMaximum()
    {
        // e2's one low score is far below their own mean: rescaled to the pooled spread it would fall below 0.
        var scores = Scores(("A", "e1", 0), ("B", "e1", 100), ("C", "e1", 100), ("D", "e1", 0),
            ("A", "e2", 99), ("B", "e2", 99), ("C", "e2", 99), ("D", "e2", 0));

        var (normalised, _) = ExpertScoring.Normalise(scores, MaxScores);

        Assert.All(normalised.Values, v => Assert.InRange(v, 0m, 100m));
        Assert.Equal(0m, normalised[scores[^1]]);
    }

    [Fact]
    public void KendallsWIsTheProofWikiExamplesOneSixteenth()
    {
        // ProofWiki, "Kendall's Coefficient of Concordance/Examples/Arbitrary Example 1": judges A–D rank X, Y, Z as
        // X 1 1 2 3, Y 3 2 3 1, Z 2 3 1 2; W = 12·2 / (4²·3·(3² − 1)) = 1/16. Ranks become scores as 10 − rank.
        var ranks = new Dictionary<string, int[]> { ["X"] = [1, 1, 2, 3], ["Y"] = [3, 2, 3, 1], ["Z"] = [2, 3, 1, 2] };
        var scores = ranks.SelectMany(r => r.Value.Select((rank, judge) => new ExpertScore(r.Key, $"judge{judge}", "plan", 10 - rank))).ToList();

        var w = ExpertAgreement.KendallW(scores);

        Assert.Equal((4, 3), (w.Experts, w.Bases));
        Assert.Equal(1.0 / 16, w.W!.Value, Tolerance);
    }

    [Fact]
    public void KendallsWIsOneForAgreementZeroForOppositesAndCorrectsForTies()
    {
        var agree = Scores(("A", "e1", 90), ("B", "e1", 80), ("C", "e1", 70), ("A", "e2", 60), ("B", "e2", 50), ("C", "e2", 40));
        var opposite = Scores(("A", "e1", 90), ("B", "e1", 80), ("C", "e1", 70), ("A", "e2", 70), ("B", "e2", 80), ("C", "e2", 90));
        // e1 ties B and C (ranks 1, 2.5, 2.5; T = 2³ − 2 = 6), e2 does not (1, 2, 3). Rank sums 2, 4.5, 5.5 around 4:
        // S = 4 + 0.25 + 2.25 = 6.5; W = 12·6.5 / (2²·(3³ − 3) − 2·6) = 78 / 84.
        var tied = Scores(("A", "e1", 90), ("B", "e1", 80), ("C", "e1", 80), ("A", "e2", 90), ("B", "e2", 85), ("C", "e2", 80));
        // Three raters, four bases, worked by hand: rank sums 4, 6, 8, 12 around 7.5, S = 35, W = 420 / 540.
        var hand = new[] { (1, 2, 3, 4), (1, 3, 2, 4), (2, 1, 3, 4) }.SelectMany((r, e) => new[] { ("A", r.Item1), ("B", r.Item2), ("C", r.Item3), ("D", r.Item4) }
            .Select(p => new ExpertScore(p.Item1, $"e{e}", "plan", 10 - p.Item2))).ToList();

        Assert.Equal(1, ExpertAgreement.KendallW(agree).W!.Value, Tolerance);
        Assert.Equal(0, ExpertAgreement.KendallW(opposite).W!.Value, Tolerance);
        Assert.Equal(78.0 / 84, ExpertAgreement.KendallW(tied).W!.Value, Tolerance);
        Assert.Equal(420.0 / 540, ExpertAgreement.KendallW(hand).W!.Value, Tolerance);
    }

    [Fact]
    public void KendallsWIsUndefinedWithoutTwoExpertsTwoCommonBasesOrAnyOrder()
    {
        Assert.Equal(ConcordanceUndefinedReason.TooFewExperts, ExpertAgreement.KendallW(Scores(("A", "e1", 1), ("B", "e1", 2))).UndefinedReason);
        // e2 scored only A: A is the one base both scored.
        Assert.Equal(ConcordanceUndefinedReason.TooFewBases, ExpertAgreement.KendallW(Scores(("A", "e1", 1), ("B", "e1", 2), ("A", "e2", 3))).UndefinedReason);
        Assert.Equal(ConcordanceUndefinedReason.NoOrder,
            ExpertAgreement.KendallW(Scores(("A", "e1", 5), ("B", "e1", 5), ("A", "e2", 7), ("B", "e2", 7))).UndefinedReason);
    }

    [Fact]
    public void AnExpertWhoOrdersTheBasesAgainstTheOthersOrScoresFarFromThemIsFlagged()
    {
        var scores = Scores(
            ("A", "e1", 90), ("B", "e1", 80), ("C", "e1", 70), ("D", "e1", 60),
            ("A", "e2", 88), ("B", "e2", 82), ("C", "e2", 71), ("D", "e2", 58),
            ("A", "e3", 60), ("B", "e3", 70), ("C", "e3", 80), ("D", "e3", 90), // the opposite order
            ("A", "e4", 60), ("B", "e4", 50), ("C", "e4", 40), ("D", "e4", 30)); // the same order, 30 points lower

        var flagged = ExpertAgreement.Disagreements(scores, MaxScores);

        var opposite = flagged.Single(f => f.Kind == DisagreementKind.OppositeOrder);
        Assert.Equal(("e3", 4), (opposite.Expert, opposite.CommonBases));
        Assert.True(opposite.Value < 0);
        var far = flagged.Single(f => f.Kind == DisagreementKind.FarFromOthers && f.Expert == "e4");
        // The others' means: A (90 + 88 + 60) / 3 = 79.33…, B 77.33…, C 73.67…, D 69.33…; e4 is 29.92 away on average, more than a fifth of 100.
        Assert.Equal(((79 + 1 / 3.0 - 60) + (77 + 1 / 3.0 - 50) + (73 + 2 / 3.0 - 40) + (69 + 1 / 3.0 - 30)) / 4 / 100, far.Value, 1e-9);
        Assert.DoesNotContain(flagged, f => f.Expert is "e1" or "e2");
    }

    [Fact]
    public void TheCrossReviewFlagsDifferencesAboveTheRoundsThreshold()
    {
        var own = Scores(("A", "e1", 80), ("A", "e2", 70), ("B", "e1", 60), ("C", "e1", 50));
        var cross = Scores(("A", "x1", 60), ("B", "x1", 65));

        var differences = ExpertAgreement.CrossReview(own, cross, threshold: 10m);

        Assert.Equal([("A", 75m, 60m, -15m, true), ("B", 60m, 65m, 5m, false)],
            differences.Select(d => (d.BaseCode, d.Own, d.Cross, d.Difference, d.Flagged)));
    }
}
