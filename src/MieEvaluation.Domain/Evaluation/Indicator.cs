namespace MieEvaluation.Domain.Evaluation;

/// <summary>One of the yearly evaluation indicators (new market entities, patents granted, ...).</summary>
public class Indicator
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public required string UnitZh { get; set; }

    public required string UnitEn { get; set; }

    /// <summary>How many decimal places a reported value may carry.</summary>
    public int Decimals { get; set; }

    public AggregationKind Aggregation { get; set; } = AggregationKind.Mean;

    public int DisplayOrder { get; set; }

    public bool IsActive { get; set; } = true;
}
