namespace MieEvaluation.Domain.Scoring;

/// <summary>
/// An evaluation scheme: how a data year's values become each base's score out of 100, its rank and its grade
/// (docs/formulas.md, section 13). Data, not code: administrators write it, the app stores each version as given.
/// </summary>
public sealed record EvaluationScheme(
    string Code,
    string NameZh,
    string NameEn,
    Normalisation Normalisation,
    PeerGroup PeerGroup,
    decimal MaxMissingWeight,
    Weighting DimensionWeighting,
    IReadOnlyList<SchemeDimension> Dimensions,
    IReadOnlyList<SchemeGrade> Grades,
    IReadOnlyList<SchemeCriterion>? CriteriaOrNone = null,
    Review.ExpertAggregate ExpertAggregate = Review.ExpertAggregate.TrimmedMean)
{
    public IEnumerable<SchemeItem> Items => Dimensions.SelectMany(d => d.Items);

    /// <summary>The qualitative criteria the experts score (docs/evaluation.md); none for a scheme of data alone.</summary>
    public IReadOnlyList<SchemeCriterion> Criteria => CriteriaOrNone ?? [];
}

/// <summary>A qualitative criterion the experts score from 0 to <see cref="MaxScore"/>, with guidance for them.</summary>
public sealed record SchemeCriterion(string Code, string NameZh, string NameEn, decimal MaxScore, string GuidanceZh, string GuidanceEn);

/// <summary>A first-level indicator: its items, its weight among the dimensions, and how its items are weighted.</summary>
public sealed record SchemeDimension(string Code, string NameZh, string NameEn, decimal Weight, Weighting Weighting, IReadOnlyList<SchemeItem> Items);

/// <summary>
/// A second-level indicator: one indicator's level in the year, or its growth over the span before it; or, with
/// <see cref="Criterion"/>, the experts' aggregated score of a criterion (then <see cref="Indicator"/> is empty).
/// </summary>
public sealed record SchemeItem(
    string Indicator,
    ItemMeasure Measure,
    decimal Weight = 1m,
    int GrowthSpan = 1,
    ItemTransform Transform = ItemTransform.None,
    ItemDirection Direction = ItemDirection.Higher,
    string? Criterion = null)
{
    /// <summary>
    /// The item's name in results: <c>indicator:level</c> or <c>indicator:growth</c> (one of each per scheme), or
    /// <c>criterion:code</c>.
    /// </summary>
    public string Key => Criterion is { } criterion ? $"criterion:{criterion}" : $"{Indicator}:{(Measure == ItemMeasure.Level ? "level" : "growth")}";
}

/// <summary>A grade, given to a total of at least <see cref="MinScore"/> (the highest such grade).</summary>
public sealed record SchemeGrade(string Code, string NameZh, string NameEn, decimal MinScore);

/// <summary>
/// How weights are turned into shares. <see cref="Matrix"/> holds an AHP pairwise matrix as written (numbers or
/// "a/b"), for <see cref="WeightingMethod.Ahp"/> only.
/// </summary>
public sealed record Weighting(WeightingMethod Method, IReadOnlyList<IReadOnlyList<string>>? Matrix = null)
{
    public static readonly Weighting Given = new(WeightingMethod.Given);
    public static readonly Weighting Equal = new(WeightingMethod.Equal);
    public static readonly Weighting Entropy = new(WeightingMethod.Entropy);
}

public enum Normalisation
{
    MinMax,
    ZScore,
    Percentile,
}

public enum PeerGroup
{
    /// <summary>Scores and ranks within the base's type.</summary>
    Type,

    /// <summary>Across all evaluated bases.</summary>
    All,
}

public enum ItemMeasure
{
    Level,
    Growth,
}

public enum ItemTransform
{
    None,
    Log1p,
    Sqrt,
}

public enum ItemDirection
{
    Higher,
    Lower,
}

public enum WeightingMethod
{
    Given,
    Equal,
    Entropy,
    Ahp,
}
