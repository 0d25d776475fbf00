using System.Runtime.CompilerServices;
using MieEvaluation.Domain.Evaluation;

namespace MieEvaluation.Domain.Statistics;

/// <summary>
/// The national figures of one indicator in a single pass over the bases, one base at a time: per year the sums and
/// counts over all reporting bases and over the balanced panel, and each base's own CAGR for the medians. It gives
/// exactly what <see cref="Panel.YearlyAggregates"/> and <see cref="MedianGrowth.OfBaseCagrs"/> give over the same
/// values (a property test holds it to that), without holding every value: the dashboards read the values of a base
/// together, so nothing needs grouping afterwards.
/// </summary>
public sealed class PanelTally
{
    private readonly int _fromYear;
    private readonly int _toYear;
    private readonly bool _withMedians;
    private readonly decimal[] _sums;
    private readonly int[] _counts;
    private readonly decimal[] _balancedSums;
    private readonly int[] _balancedCounts;
    private readonly List<decimal> _rates = [];
    private readonly List<decimal> _balancedRates = [];
    private int _withoutGrowth;
    private int _balancedWithoutGrowth;

    /// <param name="fromYear">First year of the range.</param>
    /// <param name="toYear">Last year of the range.</param>
    /// <param name="withMedians">False when only the yearly aggregates are wanted (breakdowns), to skip the CAGRs.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toYear"/> is before <paramref name="fromYear"/>.</exception>
    public PanelTally(int fromYear, int toYear, bool withMedians = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(toYear, fromYear);
        _fromYear = fromYear;
        _toYear = toYear;
        _withMedians = withMedians;
        var years = toYear - fromYear + 1;
        _sums = new decimal[years];
        _counts = new int[years];
        _balancedSums = new decimal[years];
        _balancedCounts = new int[years];
    }

    /// <summary>
    /// Adds one base: its values in the range, indexed by year − <c>fromYear</c>, null where it did not report.
    /// A base with no value in the range changes nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The span does not have one slot per year of the range.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: runs per base (per value) on every uncached table
    public void AddBase(ReadOnlySpan<decimal?> valueByYear)
    {
        if (valueByYear.Length != _sums.Length)
        {
            throw new ArgumentException($"Expected {_sums.Length} years, got {valueByYear.Length}.", nameof(valueByYear));
        }

        var reported = 0;
        for (var i = 0; i < valueByYear.Length; i++)
        {
            if (valueByYear[i] is { } value)
            {
                _sums[i] += value;
                _counts[i]++;
                reported++;
            }
        }

        if (reported == 0)
        {
            return;
        }

        var balanced = reported == valueByYear.Length;
        if (balanced)
        {
            for (var i = 0; i < valueByYear.Length; i++)
            {
                _balancedSums[i] += valueByYear[i]!.Value;
                _balancedCounts[i]++;
            }
        }

        if (!_withMedians || _toYear <= _fromYear)
        {
            return;
        }

        var growth = Growth.Cagr(_fromYear, valueByYear[0], _toYear, valueByYear[^1]);
        if (growth.Rate is { } rate)
        {
            _rates.Add(rate);
            if (balanced)
            {
                _balancedRates.Add(rate);
            }
        }
        else
        {
            _withoutGrowth++;
            if (balanced)
            {
                _balancedWithoutGrowth++;
            }
        }
    }

    /// <summary>The row over every base that reported, with the median of their CAGRs.</summary>
    public SeriesGrowth AllReporting(AggregationKind kind) => Series(kind, _sums, _counts, _rates, _withoutGrowth);

    /// <summary>The row over the bases that reported in every year of the range.</summary>
    public SeriesGrowth BalancedPanel(AggregationKind kind) =>
        Series(kind, _balancedSums, _balancedCounts, _balancedRates, _balancedWithoutGrowth);

    private SeriesGrowth Series(AggregationKind kind, decimal[] sums, int[] counts, List<decimal> rates, int withoutGrowth)
    {
        var yearly = Enumerable.Range(0, sums.Length)
            .Select(i => YearAggregate.FromSumAndCount(kind, _fromYear + i, sums[i], counts[i]));
        var median = _withMedians
            ? MedianGrowth.OfRates(_fromYear, _toYear, rates, withoutGrowth)
            : new MedianGrowth(_fromYear, _toYear, null, 0, 0, GrowthUndefinedReason.NoDefinedGrowth);
        return SeriesGrowth.FromAggregates(yearly, median);
    }
}
