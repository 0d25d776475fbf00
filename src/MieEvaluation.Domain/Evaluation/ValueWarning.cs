namespace MieEvaluation.Domain.Evaluation;

/// <summary>Why a value looks suspicious. Warnings allow saving; submitting needs each one explained in the value's comment.</summary>
public enum ValueWarningKind
{
    /// <summary>More than 3× or less than ⅓ of the same base's value of the previous year.</summary>
    JumpFromPreviousYear,

    /// <summary>Robust z-score beyond ±3.5 among the bases of the same type that year (at least 8 peers).</summary>
    OutlierAmongPeers,

    /// <summary>No value, although the base reported one the previous year.</summary>
    MissingButReportedLastYear,
}

/// <summary>A warning with the numbers that triggered it, so the evaluator can judge it.</summary>
/// <param name="Kind">The rule.</param>
/// <param name="Value">The value checked (null when missing).</param>
/// <param name="Reference">The previous year's value, or the peers' median.</param>
/// <param name="Measure">The ratio to last year, or the robust z-score; null for a missing value.</param>
public sealed record ValueWarning(ValueWarningKind Kind, decimal? Value, decimal Reference, decimal? Measure);
