using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Statistics;

namespace MieEvaluation.UnitTests.Statistics;

/// <summary>
/// Laws the statistics must obey for any data. The generators stay within 0.01 … 1e9 with at most two decimals
/// (like reported figures), so sums are exact and nothing overflows.
/// </summary>
public sealed class StatisticsProperties
{
    private const int Cases = 200;

    // The root is taken in double: about 15 significant digits, far finer than the 0.1 % shown.
    private const decimal RelativeTolerance = 1e-9m;

    private const int FirstYear = 2016;

    private static readonly Gen<decimal> PositiveValue =
        from mantissa in Gen.Choose(1, 1_000_000)
        from exponent in Gen.Choose(0, 5)
        select mantissa * Pow10(exponent) / 100m;

    private static readonly Gen<int> YearSpan = Gen.Choose(1, 10);

    [Property(MaxTest = Cases)]
    public Property CagrOfAGeometricSeriesIsItsRatioMinusOne()
    {
        var geometric =
            from start in PositiveValue
            from ratioPerMille in Gen.Choose(500, 3000)
            from years in YearSpan
            select (Series: GeometricSeries(start, ratioPerMille / 1000m, years), Ratio: ratioPerMille / 1000m);

        return Prop.ForAll(Arb.From(geometric), sample =>
        {
            var last = sample.Series[^1].Year;
            var everyRate = Growth.YearOnYear(sample.Series).Append(Growth.Cagr(sample.Series, FirstYear, last));
            Assert.All(everyRate, rate => AssertSameGrowthFactor(sample.Ratio, 1m + rate.Rate!.Value));
        });
    }

    [Property(MaxTest = Cases)]
    public Property CagrOverOneYearEqualsYearOnYearGrowthExactly() =>
        Prop.ForAll(Arb.From(Gen.Two(PositiveValue)), pair =>
        {
            var (start, end) = pair;
            var cagr = Growth.Cagr(FirstYear, start, FirstYear + 1, end);
            var yearOnYear = Growth.YearOnYear([new YearAggregate(FirstYear, start, 1), new YearAggregate(FirstYear + 1, end, 1)]);
            Assert.Equal(cagr, Assert.Single(yearOnYear));
            Assert.Equal((end / start) - 1m, cagr.Rate);
        });

    [Property(MaxTest = Cases)]
    public Property ScalingEveryValueLeavesGrowthUnchanged()
    {
        var scaled =
            from start in PositiveValue
            from end in PositiveValue
            from years in YearSpan
            from factorPerMille in Gen.Choose(1, 100_000)
            select (start, end, years, Factor: factorPerMille / 1000m);

        return Prop.ForAll(Arb.From(scaled), sample =>
        {
            var original = Growth.Cagr(FirstYear, sample.start, FirstYear + sample.years, sample.end);
            var rescaled = Growth.Cagr(FirstYear, sample.start * sample.Factor, FirstYear + sample.years, sample.end * sample.Factor);
            AssertSameGrowthFactor(1m + original.Rate!.Value, 1m + rescaled.Rate!.Value);
        });
    }

    [Property(MaxTest = Cases)]
    public Property PermutingBasesChangesNoAggregate()
    {
        var permuted =
            from values in DataSet(complete: false)
            from shuffled in Gen.Shuffle(values)
            from kind in Gen.Elements(AggregationKind.Mean, AggregationKind.Sum)
            select (values, shuffled, kind);

        return Prop.ForAll(Arb.From(permuted), sample =>
        {
            var lastYear = FirstYear + 5;
            Assert.Equal(
                Panel.YearlyAggregates(sample.values, sample.kind, FirstYear, lastYear),
                Panel.YearlyAggregates(sample.shuffled, sample.kind, FirstYear, lastYear));
            Assert.Equal(
                YearAggregate.FromValues(sample.kind, FirstYear, sample.values.Select(value => value.Value)),
                YearAggregate.FromValues(sample.kind, FirstYear, sample.shuffled.Select(value => value.Value)));
        });
    }

    [Property(MaxTest = Cases)]
    public Property BalancedPanelOfCompleteDataEqualsAllBases()
    {
        var complete =
            from values in DataSet(complete: true)
            from kind in Gen.Elements(AggregationKind.Mean, AggregationKind.Sum)
            select (values, kind);

        return Prop.ForAll(Arb.From(complete), sample =>
        {
            var lastYear = sample.values.Max(value => value.Year);
            var balanced = Panel.BalancedBaseIds(sample.values, FirstYear, lastYear);
            Assert.Equal(sample.values.Select(value => value.BaseId).Distinct().Order(), balanced.Order());

            var ofPanel = SeriesGrowth.FromBaseValues(sample.values, sample.kind, FirstYear, lastYear, balanced);
            var ofAll = SeriesGrowth.FromBaseValues(sample.values, sample.kind, FirstYear, lastYear);
            Assert.Equal(ofAll.Yearly, ofPanel.Yearly);
            Assert.Equal(ofAll.Cagr, ofPanel.Cagr);
            Assert.Equal(ofAll.YearOnYear, ofPanel.YearOnYear);
            Assert.Equal(ofAll.MedianBaseCagr, ofPanel.MedianBaseCagr);
        });
    }

    /// <summary>1 to 15 bases over 1 to 6 years from 2016; with <paramref name="complete"/> false, any cell may be absent.</summary>
    private static Gen<BaseYearValue[]> DataSet(bool complete) =>
        from baseCount in Gen.Choose(1, 15)
        from yearCount in Gen.Choose(1, 6)
        from cells in Gen.ArrayOf(PositiveValue, baseCount * yearCount)
        from present in Gen.ArrayOf(complete ? Gen.Constant(true) : Gen.Elements(true, false), baseCount * yearCount)
        select Enumerable.Range(0, baseCount * yearCount)
            .Where(cell => present[cell])
            .Select(cell => new BaseYearValue(100 + (cell / yearCount), FirstYear + (cell % yearCount), cells[cell]))
            .ToArray();

    private static YearAggregate[] GeometricSeries(decimal start, decimal ratio, int years)
    {
        var series = new YearAggregate[years + 1];
        var value = start;
        for (var k = 0; k <= years; k++)
        {
            series[k] = new YearAggregate(FirstYear + k, value, 1);
            value *= ratio;
        }

        return series;
    }

    private static void AssertSameGrowthFactor(decimal expected, decimal actual) =>
        Assert.True(Math.Abs(actual - expected) <= RelativeTolerance * expected, $"Expected growth factor {expected}, got {actual}.");

    private static decimal Pow10(int exponent)
    {
        var power = 1m;
        for (var i = 0; i < exponent; i++)
        {
            power *= 10m;
        }

        return power;
    }
}
