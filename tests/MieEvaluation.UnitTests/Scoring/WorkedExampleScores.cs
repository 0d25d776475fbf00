using System.Globalization;
using System.Text.Json;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Domain.Scoring;

namespace MieEvaluation.UnitTests.Scoring;

/// <summary>
/// The worked example computed outside the project (Scoring/WorkedExample, from ../shared/evaluation): its scheme, the
/// values of 7 bases, and the expected weights and results for data year 2018 under each normalisation.
/// </summary>
public sealed class WorkedExampleScores
{
    private const double Tolerance = 1e-9;
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Scoring", "WorkedExample");

    [Theory]
    [InlineData("minmax")]
    [InlineData("zscore")]
    [InlineData("percentile")]
    public void MatchesTheExpectedWeightsAndResults(string normalisation)
    {
        var scheme = Scheme() with { Normalisation = Enum.Parse<Normalisation>(normalisation, ignoreCase: true) };
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "example-results.json")));
        var want = expected.RootElement.GetProperty(normalisation);

        var results = CompositeScoring.Compute(scheme, Bases(), 2018);

        var weights = want.GetProperty("weights");
        for (var d = 0; d < scheme.Dimensions.Count; d++)
        {
            Near(weights.GetProperty("dimensions").GetProperty(scheme.Dimensions[d].Code).GetDouble(), results.Shares.Dimensions[d], $"share of {scheme.Dimensions[d].Code}");
            for (var k = 0; k < scheme.Dimensions[d].Items.Count; k++)
            {
                Near(weights.GetProperty("items").GetProperty(scheme.Dimensions[d].Items[k].Key).GetDouble(), results.Shares.Items[d][k], scheme.Dimensions[d].Items[k].Key);
            }
        }

        Near(weights.GetProperty("dimension_cr").GetDouble(), results.Shares.DimensionConsistencyRatio!.Value, "dimension CR");
        var bases = want.GetProperty("bases");
        Assert.Equal(bases.EnumerateObject().Select(b => b.Name).Order(), results.Bases.Select(b => b.Code).Order());
        foreach (var result in results.Bases)
        {
            var b = bases.GetProperty(result.Code);
            Near(b.GetProperty("total").GetDouble(), result.Total!.Value, $"{result.Code} total");
            Assert.Equal(b.GetProperty("rank").GetInt32(), result.Rank);
            Assert.Equal(b.GetProperty("grade").ValueKind == JsonValueKind.Null ? null : b.GetProperty("grade").GetString(), result.Grade?.Code);
            Near(b.GetProperty("coverage").GetDouble(), result.Coverage, $"{result.Code} coverage");
            foreach (var dimension in b.GetProperty("dimensions").EnumerateObject())
            {
                Near(dimension.Value.GetDouble(), result.Dimensions[dimension.Name]!.Value, $"{result.Code} {dimension.Name}");
            }

            var items = b.GetProperty("items").EnumerateObject().ToDictionary(i => i.Name, i => i.Value.GetDouble());
            Assert.Equal(items.Keys.Order(), result.Items.Where(i => i.Score is not null).Select(i => i.Key).Order());
            foreach (var item in result.Items.Where(i => i.Score is not null))
            {
                Near(items[item.Key], item.Score!.Value, $"{result.Code} {item.Key}");
            }

            Assert.Equal(JsonValueKind.Null, b.GetProperty("undefined").ValueKind);
            Near(result.Total!.Value, result.Items.Sum(i => i.Contribution), $"{result.Code} contributions");
        }
    }

    [Fact]
    public void ReadsTheExampleSchemeWithoutProblems()
    {
        var (scheme, problems) = SchemeJson.Read(File.ReadAllText(Path.Combine(Folder, "example-scheme.json")));

        Assert.Empty(problems);
        Assert.Empty(SchemeRules.Check(scheme!, new HashSet<string>(scheme!.Items.Select(i => i.Indicator))));
        Assert.Equal(["1", "2"], scheme.DimensionWeighting.Matrix![0]);
        Assert.Equal("1/2", scheme.DimensionWeighting.Matrix[1][0]);
    }

    internal static EvaluationScheme Scheme() =>
        SchemeJson.Read(File.ReadAllText(Path.Combine(Folder, "example-scheme.json"))).Scheme!;

    internal static List<ScoringBase> Bases()
    {
        var rows = File.ReadAllLines(Path.Combine(Folder, "example-values.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        return [.. rows.GroupBy(r => r[0]).Select(g => new ScoringBase(g.Key,
            g.First()[1] == "regional" ? BaseType.Regional : g.First()[1] == "univ_inst" ? BaseType.UnivInst : BaseType.Enterprise,
            g.ToDictionary(r => (r[4], int.Parse(r[3], CultureInfo.InvariantCulture)), r => decimal.Parse(r[5], CultureInfo.InvariantCulture))))];
    }

    private static void Near(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= Tolerance, $"{what}: expected {expected:R}, got {actual:R}");
}
