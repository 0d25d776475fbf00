using System.Text.Json.Nodes;
using MieEvaluation.Domain.Scoring;

namespace MieEvaluation.UnitTests.Scoring;

/// <summary>Every way a scheme can be wrong is named, with where it is wrong.</summary>
public sealed class SchemeRefusals
{
    private static readonly HashSet<string> Indicators = ["new_market_entities", "patents_granted", "research_centres", "edu_investment_10k_yuan"];

    [Theory]
    [InlineData("code", "\"Bad Code!\"", "code", "BadCode")]
    [InlineData("name_zh", "\"\"", "name_zh", "Required")]
    [InlineData("normalisation", "\"rank\"", "normalisation", "UnknownOption")]
    [InlineData("peer_group", "\"province\"", "peer_group", "UnknownOption")]
    [InlineData("max_missing_weight", "1.5", "max_missing_weight", "OutOfRange")]
    [InlineData("max_missing_weight", "\"a lot\"", "max_missing_weight", "NotANumber")]
    [InlineData("dimension_weighting", "\"entropy\"", "dimension_weighting", "UnknownOption")]
    [InlineData("dimension_weighting", "{\"ahp\": [[\"1\", \"2\"], [\"2\", \"1\"]]}", "dimension_weighting.ahp[1][0]", "AhpNotReciprocal")]
    [InlineData("dimension_weighting", "{\"ahp\": [[\"1\", \"2\", \"3\"], [\"1/2\", \"1\", \"1\"], [\"1/3\", \"1\", \"1\"]]}", "dimension_weighting.ahp", "AhpWrongSize")]
    [InlineData("dimension_weighting", "{\"ahp\": [[\"1\", \"x\"], [\"1/2\", \"1\"]]}", "dimension_weighting.ahp[0][1]", "AhpBadEntry")]
    [InlineData("dimension_weighting", "{\"ahp\": [[\"2\", \"2\"], [\"1/2\", \"1\"]]}", "dimension_weighting.ahp[0][0]", "AhpDiagonal")]
    [InlineData("dimensions", "[]", "dimensions", "NoDimensions")]
    [InlineData("grades", "{}", "grades", "NotAList")]
    [InlineData("weights", "1", "weights", "UnknownField")]
    public void NamesTheProblemOfASchemeField(string field, string json, string path, string key)
    {
        var problems = Problems(scheme => scheme[field] = JsonNode.Parse(json));

        Assert.Contains(problems, p => p.Path == path && p.Key == key);
    }

    [Theory]
    [InlineData("indicator", "\"unicorns\"", "dimensions[0].items[0].indicator", "UnknownIndicator")]
    [InlineData("measure", "\"trend\"", "dimensions[0].items[0].measure", "UnknownOption")]
    [InlineData("transform", "\"cube\"", "dimensions[0].items[0].transform", "UnknownOption")]
    [InlineData("direction", "\"sideways\"", "dimensions[0].items[0].direction", "UnknownOption")]
    [InlineData("growth_span", "0", "dimensions[0].items[0].growth_span", "BadGrowthSpan")]
    [InlineData("growth_span", "1.5", "dimensions[0].items[0].growth_span", "BadGrowthSpan")]
    [InlineData("weight", "-1", "dimensions[0].items[0].weight", "NegativeWeight")]
    [InlineData("colour", "\"red\"", "dimensions[0].items[0].colour", "UnknownField")]
    public void NamesTheProblemOfAnItemField(string field, string json, string path, string key)
    {
        var problems = Problems(scheme => scheme["dimensions"]![0]!["items"]![0]![field] = JsonNode.Parse(json));

        Assert.Contains(problems, p => p.Path == path && p.Key == key);
    }

    [Fact]
    public void RefusesAnInconsistentMatrixWithItsConsistencyRatio()
    {
        // The cyclic matrix with a = 9 (ScoringFormulas): CR = ((1 + 9 + 1/9 − 3)/2)/0.58 = 6.130.
        var (weights, problems) = SchemeRules.CheckMatrix([["1", "9", "1/9"], ["1/9", "1", "9"], ["9", "1/9", "1"]], 3, "m");

        var problem = Assert.Single(problems);
        Assert.Equal(("m", "AhpInconsistent", "6.130"), (problem.Path, problem.Key, problem.Args[0]));
        Assert.True(weights!.ConsistencyRatio >= 0.10);
    }

    [Fact]
    public void AcceptsAnAlmostReciprocalDecimalWrittenAgainstAWholeNumber()
    {
        var (weights, problems) = SchemeRules.CheckMatrix([["1", "3"], ["0.333", "1"]], 2, "m");

        Assert.Empty(problems);
        Assert.Equal(0.75, weights!.Weights[0], 1e-3);
    }

    [Fact]
    public void RefusesAGrowthTransformDuplicateItemsAndGradesThatCannotBeToldApart()
    {
        var problems = Problems(scheme =>
        {
            var items = scheme["dimensions"]![0]!["items"]!.AsArray();
            items[1]!["transform"] = "log1p";
            items.Add(JsonNode.Parse("{\"indicator\": \"new_market_entities\", \"measure\": \"level\"}"));
            scheme["grades"]![1]!["min_score"] = 70;
            scheme["grades"]![1]!["code"] = "excellent";
        });

        Assert.Contains(problems, p => p.Path == "dimensions[0].items[1].transform" && p.Key == "TransformOnGrowth");
        Assert.Contains(problems, p => p.Path == "dimensions[0].items[2]" && p.Key == "DuplicateItem");
        Assert.Contains(problems, p => p.Path == "grades[1].min_score" && p.Key == "DuplicateGradeScore");
        Assert.Contains(problems, p => p.Path == "grades[1].code" && p.Key == "DuplicateCode");
    }

    [Fact]
    public void RefusesGivenWeightsThatSumToZero()
    {
        var problems = Problems(scheme =>
        {
            scheme["dimension_weighting"] = "given";
            scheme["dimensions"]![0]!["weight"] = 0;
            scheme["dimensions"]![1]!["weight"] = 0;
        });

        Assert.Contains(problems, p => p.Path == "dimension_weighting" && p.Key == "WeightsSumZero");
    }

    [Theory]
    [InlineData("{\"code\": ")]
    [InlineData("[1, 2]")]
    [InlineData("")]
    public void RefusesWhatIsNotASchemeObject(string json)
    {
        var (scheme, problems) = SchemeJson.Read(json);

        Assert.Null(scheme);
        Assert.Contains(problems, p => p.Key is "NotJson" or "NotAnObject");
    }

    [Fact]
    public void WritesBackWhatItReads()
    {
        var scheme = WorkedExampleScores.Scheme();

        var (again, problems) = SchemeJson.Read(SchemeJson.Write(scheme));

        Assert.Empty(problems);
        Assert.Equal(SchemeJson.Write(scheme), SchemeJson.Write(again!));
        Assert.Equal(scheme.Dimensions[1].Items[2].Direction, again!.Dimensions[1].Items[2].Direction);
    }

    private static IReadOnlyList<SchemeProblem> Problems(Action<JsonObject> change)
    {
        var scheme = JsonNode.Parse(SchemeJson.Write(WorkedExampleScores.Scheme()))!.AsObject();
        change(scheme);
        var (read, problems) = SchemeJson.Read(scheme.ToJsonString());
        return read is null ? problems : SchemeRules.Check(read, Indicators);
    }
}
