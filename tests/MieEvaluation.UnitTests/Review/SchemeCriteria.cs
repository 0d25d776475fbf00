using MieEvaluation.Domain.Registry;
using MieEvaluation.Domain.Review;
using MieEvaluation.Domain.Scoring;

namespace MieEvaluation.UnitTests.Review;

/// <summary>Qualitative criteria in a scheme's JSON, its rules, and the experts' score entering the total as an item.</summary>
public sealed class SchemeCriteria
{
    private static readonly HashSet<string> Indicators = ["patents_granted"];

    private const string Json = """
        {
          "code": "with-experts", "name_zh": "含专家评分", "name_en": "With experts",
          "normalisation": "minmax", "peer_group": "type", "max_missing_weight": 0.5, "dimension_weighting": "given",
          "criteria": [{"code": "plan", "name_zh": "规划", "name_en": "Plan", "max_score": 100, "guidance_zh": "看规划", "guidance_en": "Read the plan"}],
          "expert_aggregate": "median",
          "dimensions": [{"code": "all", "name_zh": "全部", "name_en": "All", "weight": 1, "weighting": "given",
            "items": [{"indicator": "patents_granted", "measure": "level", "weight": 3}, {"criterion": "plan", "weight": 1}]}],
          "grades": [{"code": "a", "name_zh": "优", "name_en": "A", "min_score": 50}]
        }
        """;

    [Fact]
    public void ReadsCriteriaAndCriterionItemsAndWritesThemBack()
    {
        var (scheme, problems) = SchemeJson.Read(Json);

        Assert.Empty(problems);
        var criterion = Assert.Single(scheme!.Criteria);
        Assert.Equal(("plan", "规划", 100m, "Read the plan"), (criterion.Code, criterion.NameZh, criterion.MaxScore, criterion.GuidanceEn));
        Assert.Equal(ExpertAggregate.Median, scheme.ExpertAggregate);
        Assert.Equal(["patents_granted:level", "criterion:plan"], scheme.Items.Select(i => i.Key));
        Assert.Empty(SchemeRules.Check(scheme, Indicators));
        var (again, _) = SchemeJson.Read(SchemeJson.Write(scheme));
        Assert.Equal(SchemeJson.Write(scheme), SchemeJson.Write(again!));
        Assert.Equal(scheme.Criteria, again!.Criteria);
    }

    private const string WithoutCriteria = """
        {
          "code": "data-only", "name_zh": "仅数据", "name_en": "Data only",
          "dimensions": [{"code": "all", "name_zh": "全部", "name_en": "All", "items": [{"indicator": "patents_granted", "measure": "level"}]}],
          "grades": [{"code": "a", "name_zh": "优", "name_en": "A", "min_score": 50}]
        }
        """;

    [Fact]
    public void ASchemeWithoutCriteriaIsWrittenAsBefore()
    {
        var (scheme, problems) = SchemeJson.Read(WithoutCriteria);

        Assert.Empty(problems);
        Assert.Empty(scheme!.Criteria);
        var written = SchemeJson.Write(scheme);
        Assert.DoesNotContain("criteria", written, StringComparison.Ordinal);
        Assert.DoesNotContain("expert_aggregate", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"criterion\": \"plan\", \"weight\": 1}", "{\"criterion\": \"vision\", \"weight\": 1}", "dimensions[0].items[1].criterion", "UnknownCriterion")]
    [InlineData("{\"criterion\": \"plan\", \"weight\": 1}", "{\"criterion\": \"plan\", \"measure\": \"growth\"}", "dimensions[0].items[1].measure", "UnknownField")]
    [InlineData("\"max_score\": 100", "\"max_score\": 0", "criteria[0].max_score", "OutOfRange")]
    [InlineData("\"expert_aggregate\": \"median\"", "\"expert_aggregate\": \"mode\"", "expert_aggregate", "UnknownOption")]
    [InlineData("\"code\": \"plan\", \"name_zh\": \"规划\"", "\"code\": \"Plan!\", \"name_zh\": \"规划\"", "criteria[0].code", "BadCode")]
    public void RefusesAWrongCriterionWithWhereAndWhat(string from, string to, string path, string key)
    {
        Assert.Contains(from, Json, StringComparison.Ordinal);
        var (scheme, problems) = SchemeJson.Read(Json.Replace(from, to, StringComparison.Ordinal));
        var all = scheme is null ? problems : SchemeRules.Check(scheme, Indicators);

        Assert.Contains(all, p => p.Path == path && p.Key == key);
    }

    [Fact]
    public void TheExpertsScoreEntersTheTotalLikeAnyItem()
    {
        // Two bases of one type. Patents 10 and 20 → minmax 0 and 100; the experts' scores 80 and 60 → 100 and 0.
        // Weights 3 : 1 → A = 0·0.75 + 100·0.25 = 25, B = 100·0.75 + 0·0.25 = 75. Base C has no expert score: its
        // missing weight 0.25 ≤ 0.5, so its total is its patents' score alone, renormalised (section 13).
        var (scheme, _) = SchemeJson.Read(Json);
        ScoringBase Base(string code, decimal patents, decimal? plan) => new(code, BaseType.Regional,
            new Dictionary<(string, int), decimal> { [("patents_granted", 2020)] = patents },
            plan is { } p ? new Dictionary<string, decimal> { ["plan"] = p } : null);

        var results = CompositeScoring.Compute(scheme!, [Base("A", 10, 80), Base("B", 20, 60), Base("C", 15, null)], 2020).Bases.ToDictionary(b => b.Code);

        Assert.Equal(25, results["A"].Total!.Value, 1e-12);
        Assert.Equal(75, results["B"].Total!.Value, 1e-12);
        Assert.Equal(ItemUndefinedReason.NotScored, results["C"].Items.Single(i => i.Key == "criterion:plan").UndefinedReason);
        Assert.Equal(50, results["C"].Total!.Value, 1e-12);
        Assert.Equal(0.75, results["C"].Coverage, 1e-12);
    }
}
