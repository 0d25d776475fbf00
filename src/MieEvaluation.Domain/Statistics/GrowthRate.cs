namespace MieEvaluation.Domain.Statistics;

/// <summary>
/// A growth rate between two years, as a fraction (0.076 = 7.6 %), or the reason it is undefined.
/// Exactly one of <see cref="Rate"/> and <see cref="UndefinedReason"/> is set.
/// </summary>
public sealed record GrowthRate
{
    private GrowthRate(int fromYear, int toYear, decimal? rate, GrowthUndefinedReason? undefinedReason, int? undefinedYear)
    {
        FromYear = fromYear;
        ToYear = toYear;
        Rate = rate;
        UndefinedReason = undefinedReason;
        UndefinedYear = undefinedYear;
    }

    /// <summary>The start year a.</summary>
    public int FromYear { get; }

    /// <summary>The end year b.</summary>
    public int ToYear { get; }

    /// <summary>The rate as a fraction at full precision; null when undefined. Round only for display (<see cref="Percent.Round(decimal)"/>).</summary>
    public decimal? Rate { get; }

    /// <summary>Why <see cref="Rate"/> is null; null when the rate is defined.</summary>
    public GrowthUndefinedReason? UndefinedReason { get; }

    /// <summary>The year the reason concerns (the missing, zero or negative year), when there is one.</summary>
    public int? UndefinedYear { get; }

    public bool IsDefined => Rate.HasValue;

    public static GrowthRate Defined(int fromYear, int toYear, decimal rate) =>
        new(fromYear, toYear, rate, null, null);

    public static GrowthRate Undefined(int fromYear, int toYear, GrowthUndefinedReason reason, int? year = null) =>
        new(fromYear, toYear, null, reason, year);
}
