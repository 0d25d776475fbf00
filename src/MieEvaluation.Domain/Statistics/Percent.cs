namespace MieEvaluation.Domain.Statistics;

/// <summary>The one place where a figure is rounded: for display, never before a computation.</summary>
public static class Percent
{
    /// <summary>
    /// Turns a full-precision fraction into a percentage with one decimal: round(rate × 100, 1),
    /// halves away from zero (0.0765 → 7.7, 0.07649 → 7.6, −0.0765 → −7.7).
    /// </summary>
    /// <exception cref="OverflowException">|rate| exceeds <see cref="Growth.MaxRate"/>; no defined growth rate does.</exception>
    public static decimal Round(decimal rate) => DisplayRounding.Round(rate * 100m, 1);

    /// <summary>As <see cref="Round(decimal)"/>; an undefined (null) rate stays null, never 0.</summary>
    public static decimal? Round(decimal? rate) => rate is { } defined ? Round(defined) : null;
}
