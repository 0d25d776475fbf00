using System.Globalization;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Domain.Scoring;
using MieEvaluation.Domain.Statistics;
using MieEvaluation.Web.Localization;
using MieEvaluation.Web.Services.Evaluation;

namespace MieEvaluation.Web.ViewModels.Evaluation;

/// <summary>The schemes and, per scheme and year, whether its results are published.</summary>
public sealed record SchemesPage(IReadOnlyList<SchemeVersion> Schemes, IReadOnlyList<int> Years, IReadOnlyList<ResultPublication> Publications)
{
    public ResultPublication? PublicationOf(string code, int year) =>
        Publications.FirstOrDefault(p => p.SchemeCode == code && p.DataYear == year && !p.IsWithdrawn);
}

/// <summary>One row of a results table: the result, its robustness, and its rank the year before.</summary>
public sealed record ResultRow(BaseResult Result, EvaluatedBase Base, BaseRobustness? Robustness, int? PreviousRank)
{
    /// <summary>Positive when the base rose (a smaller rank number than the year before).</summary>
    public int? RankChange => Result.Rank is { } now && PreviousRank is { } then ? then - now : null;
}

/// <summary>A year's results under a scheme: tables per type, grade counts, the level-against-growth chart, publication.</summary>
public sealed record ResultsPage(
    Services.Evaluation.Evaluation Evaluation,
    RobustnessResults Robustness,
    IReadOnlyDictionary<string, int?> PreviousRanks,
    IReadOnlyList<int> Years,
    IReadOnlyList<ResultPublication> History)
{
    public SchemeResults Results => Evaluation.Results;

    public EvaluationScheme Scheme => Evaluation.Scheme.Scheme;

    private IReadOnlyList<(BaseType Type, IReadOnlyList<ResultRow> Rows)>? _byType;
    private IReadOnlyList<(string Code, BaseType Type, double Level, double Growth)>? _quadrant;

    /// <summary>Per type (in the registry's order), its bases by rank, those without a total last.</summary>
    public IReadOnlyList<(BaseType Type, IReadOnlyList<ResultRow> Rows)> ByType()
    {
        if (_byType is null)
        {
            var robustness = Robustness.Bases.ToDictionary(b => b.Code);
            _byType = [.. Results.Bases.GroupBy(b => b.Type).OrderBy(g => g.Key).Select(g => (g.Key, (IReadOnlyList<ResultRow>)
                [.. g.OrderBy(b => b.Rank ?? int.MaxValue).ThenBy(b => b.Code, StringComparer.Ordinal)
                    .Select(b => new ResultRow(b, Evaluation.BaseOf(b), robustness.GetValueOrDefault(b.Code), PreviousRanks.GetValueOrDefault(b.Code)))]))];
        }

        return _byType;
    }

    /// <summary>How many bases of a group got each grade ("" = below every grade; bases without a total are not counted).</summary>
    public IReadOnlyDictionary<string, int> GradeCounts(Func<ResultRow, bool> inGroup) =>
        ByType().SelectMany(t => t.Rows).Where(r => r.Result.Total is not null && inGroup(r))
            .GroupBy(r => r.Result.Grade?.Code ?? "").ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The mean of a base's level item scores against the mean of its growth item scores, where it has both.</summary>
    public IReadOnlyList<(string Code, BaseType Type, double Level, double Growth)> Quadrant() => _quadrant ??=
        [.. Results.Bases.Where(b => b.Total is not null).Select(b => (b,
                Level: b.Items.Where(i => i.Key.EndsWith(":level", StringComparison.Ordinal) && i.Score is not null).Select(i => i.Score!.Value).ToList(),
                Growth: b.Items.Where(i => i.Key.EndsWith(":growth", StringComparison.Ordinal) && i.Score is not null).Select(i => i.Score!.Value).ToList()))
            .Where(x => x.Level.Count > 0 && x.Growth.Count > 0)
            .Select(x => (x.b.Code, x.b.Type, x.Level.Average(), x.Growth.Average()))];
}

/// <summary>One base's scorecard: its scores against its type's medians, its contributions, strengths and weaknesses.</summary>
public sealed record ScorecardPage(Services.Evaluation.Evaluation Evaluation, EvaluatedBase Base, BaseAgainstPeers Comparison, BaseRobustness? Robustness,
    IReadOnlyDictionary<string, (string Zh, string En)> IndicatorNames)
{
    public EvaluationScheme Scheme => Evaluation.Scheme.Scheme;
}

/// <summary>The scheme editor: the JSON being edited, the version it came from, and what is wrong with it.</summary>
public sealed record SchemeEditorPage(string Json, SchemeVersion? Version, IReadOnlyList<string> Problems, IReadOnlyDictionary<string, (string Zh, string En)> Indicators)
{
    /// <summary>Where a new scheme starts: one dimension, one item, two grades — a shape to fill in.</summary>
    public const string Starter = """
        {
          "code": "new-scheme", "name_zh": "新方案", "name_en": "New scheme",
          "normalisation": "minmax", "peer_group": "type", "max_missing_weight": 0.25, "dimension_weighting": "given",
          "dimensions": [
            {"code": "actors", "name_zh": "双创主体", "name_en": "Actors", "weight": 1, "weighting": "given",
             "items": [{"indicator": "new_market_entities", "measure": "level", "weight": 1, "transform": "log1p", "direction": "higher"}]}
          ],
          "grades": [
            {"code": "excellent", "name_zh": "优秀", "name_en": "Excellent", "min_score": 80},
            {"code": "pass", "name_zh": "合格", "name_en": "Pass", "min_score": 60}
          ]
        }
        """;
}
