namespace MieEvaluation.Domain.Evaluation;

/// <summary>How an indicator's per-base values combine into one national figure for a year.</summary>
public enum AggregationKind
{
    Mean,
    Sum,
}
