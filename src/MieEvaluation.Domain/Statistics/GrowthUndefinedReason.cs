namespace MieEvaluation.Domain.Statistics;

/// <summary>
/// Why a growth figure could not be computed. The web layer shows "—" and explains the reason;
/// an undefined growth is never reported as 0, NaN or infinity.
/// </summary>
public enum GrowthUndefinedReason
{
    /// <summary>The end year is not after the start year (b ≤ a).</summary>
    InvalidRange,

    /// <summary>There is no value for the start year.</summary>
    MissingStartYear,

    /// <summary>There is no value for the end year.</summary>
    MissingEndYear,

    /// <summary>The start value is 0, so no ratio exists.</summary>
    StartValueZero,

    /// <summary>The start or the end value is negative (see the year the result names).</summary>
    NegativeValue,

    /// <summary>The rate is too large to be held as a decimal percentage.</summary>
    OutOfRange,

    /// <summary>A median of growth rates was asked for, but no base had a defined growth rate.</summary>
    NoDefinedGrowth,
}
