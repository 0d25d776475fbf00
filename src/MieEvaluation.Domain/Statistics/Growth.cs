namespace MieEvaluation.Domain.Statistics;

/// <summary>Compound annual growth and year-on-year growth of yearly values.</summary>
public static class Growth
{
    /// <summary>
    /// The largest rate (as a fraction) that is reported. Beyond it, rate × 100 would not fit in a decimal,
    /// so the percentage could not be shown; such rates are <see cref="GrowthUndefinedReason.OutOfRange"/>.
    /// </summary>
    public const decimal MaxRate = decimal.MaxValue / 100m;

    /// <summary>
    /// Compound annual growth rate from year a to year b (a &lt; b):
    /// CAGR = (V_b / V_a)^(1 / (b − a)) − 1, as a fraction.
    /// </summary>
    /// <remarks>
    /// <para>Undefined (never 0, NaN, infinity or an exception) when b ≤ a, either value is missing,
    /// V_a = 0, V_a &lt; 0, V_b &lt; 0, or the rate exceeds <see cref="MaxRate"/>.</para>
    /// <para>V_b = 0 with V_a &gt; 0 is exactly −1 (−100 %). Over one year the rate is V_b / V_a − 1 in exact
    /// decimal arithmetic; over more years the root is taken in double (decimal has no fractional power),
    /// so it carries about 15 significant digits.</para>
    /// </remarks>
    /// <param name="fromYear">The start year a.</param>
    /// <param name="fromValue">V_a, or null when the start year has no value.</param>
    /// <param name="toYear">The end year b.</param>
    /// <param name="toValue">V_b, or null when the end year has no value.</param>
    public static GrowthRate Cagr(int fromYear, decimal? fromValue, int toYear, decimal? toValue)
    {
        if (toYear <= fromYear)
        {
            return GrowthRate.Undefined(fromYear, toYear, GrowthUndefinedReason.InvalidRange);
        }

        if (fromValue is not { } start)
        {
            return GrowthRate.Undefined(fromYear, toYear, GrowthUndefinedReason.MissingStartYear, fromYear);
        }

        if (toValue is not { } end)
        {
            return GrowthRate.Undefined(fromYear, toYear, GrowthUndefinedReason.MissingEndYear, toYear);
        }

        if (start == 0)
        {
            return GrowthRate.Undefined(fromYear, toYear, GrowthUndefinedReason.StartValueZero, fromYear);
        }

        if (start < 0 || end < 0)
        {
            return GrowthRate.Undefined(fromYear, toYear, GrowthUndefinedReason.NegativeValue, start < 0 ? fromYear : toYear);
        }

        if (end == 0)
        {
            return GrowthRate.Defined(fromYear, toYear, -1m);
        }

        var years = toYear - fromYear;
        var rate = years == 1 ? OneYearRate(start, end) : RootRate(start, end, years);
        return rate is { } defined && defined <= MaxRate
            ? GrowthRate.Defined(fromYear, toYear, defined)
            : GrowthRate.Undefined(fromYear, toYear, GrowthUndefinedReason.OutOfRange);
    }

    /// <summary>
    /// CAGR between two years of an aggregate series; a year is missing when the series lacks it or its value is null.
    /// </summary>
    /// <exception cref="ArgumentException">The series holds a year twice.</exception>
    public static GrowthRate Cagr(IEnumerable<YearAggregate> series, int fromYear, int toYear)
    {
        var valueByYear = ValuesByYear(series);
        return Cagr(fromYear, valueByYear.GetValueOrDefault(fromYear), toYear, valueByYear.GetValueOrDefault(toYear));
    }

    /// <summary>
    /// Year-on-year growth V_(y+1) / V_y − 1 for every consecutive pair of years from the first to the last
    /// year of the series — the CAGR over one year, so the same undefined rules apply.
    /// A year absent from the series counts as missing; a series of fewer than two years gives an empty list.
    /// </summary>
    /// <exception cref="ArgumentException">The series holds a year twice.</exception>
    public static IReadOnlyList<GrowthRate> YearOnYear(IEnumerable<YearAggregate> series)
    {
        var valueByYear = ValuesByYear(series);
        if (valueByYear.Count < 2)
        {
            return [];
        }

        var first = valueByYear.Keys.Min();
        var last = valueByYear.Keys.Max();
        var rates = new List<GrowthRate>(last - first);
        for (var year = first; year < last; year++)
        {
            rates.Add(Cagr(year, valueByYear.GetValueOrDefault(year), year + 1, valueByYear.GetValueOrDefault(year + 1)));
        }

        return rates;
    }

    private static decimal? OneYearRate(decimal start, decimal end)
    {
        try
        {
            return (end / start) - 1m;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static decimal? RootRate(decimal start, decimal end, int years)
    {
        // Both values are positive decimals, so the double ratio lies between about 1e-57 and 1e57:
        // finite and positive. The guard below still keeps any non-finite or oversized result out of the cast.
        var ratio = (double)end / (double)start;
        var rate = Math.Pow(ratio, 1.0 / years) - 1.0;
        return double.IsFinite(rate) && rate <= (double)MaxRate ? (decimal)rate : null;
    }

    private static Dictionary<int, decimal?> ValuesByYear(IEnumerable<YearAggregate> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var valueByYear = new Dictionary<int, decimal?>();
        foreach (var aggregate in series)
        {
            if (!valueByYear.TryAdd(aggregate.Year, aggregate.Value))
            {
                throw new ArgumentException($"The series holds the year {aggregate.Year} twice.", nameof(series));
            }
        }

        return valueByYear;
    }
}
