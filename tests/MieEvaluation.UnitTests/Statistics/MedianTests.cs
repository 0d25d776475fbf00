using MieEvaluation.Domain.Statistics;

namespace MieEvaluation.UnitTests.Statistics;

public sealed class MedianOf
{
    [Fact]
    public void IsTheMiddleValueGivenOddCount() => Assert.Equal(3m, Median.Of([5m, 1m, 3m]));

    [Fact]
    public void IsTheMeanOfTheTwoMiddleValuesGivenEvenCount() => Assert.Equal(2.5m, Median.Of([4m, 1m, 3m, 2m]));

    [Fact]
    public void IsTheValueGivenOneValue() => Assert.Equal(-0.2m, Median.Of([-0.2m]));

    [Fact]
    public void IsNullGivenNoValue() => Assert.Null(Median.Of([]));
}

public sealed class MedianGrowthOfBaseCagrs
{
    [Fact]
    public void TakesTheMedianOfEachBasesOwnGrowthGivenOddCount()
    {
        BaseYearValue[] values =
        [
            new(1, 2016, 100m), new(1, 2017, 110m),
            new(2, 2016, 100m), new(2, 2017, 150m),
            new(3, 2016, 100m), new(3, 2017, 90m),
        ];

        var median = MedianGrowth.OfBaseCagrs(values, 2016, 2017);

        Assert.Equal(new MedianGrowth(2016, 2017, 0.1m, 3, 0, null), median);
        Assert.True(median.IsDefined);
    }

    [Fact]
    public void AveragesTheTwoMiddleRatesGivenEvenCountAndCountsBasesWithoutGrowth()
    {
        BaseYearValue[] values =
        [
            new(1, 2016, 100m), new(1, 2018, 121m),
            new(2, 2016, 100m), new(2, 2018, 144m),
            new(3, 2016, 0m), new(3, 2018, 5m),
            new(4, 2017, 7m), new(4, 2018, 8m),
            new(5, 2016, 100m), new(5, 2018, 100m),
            new(6, 2016, 100m), new(6, 2018, 169m),
            new(7, 2015, 1m), new(7, 2019, 2m),
        ];

        var median = MedianGrowth.OfBaseCagrs(values, 2016, 2018);

        // Rates 0.0, 0.1, 0.2, 0.3; bases 3 (zero start) and 4 (no 2016) have none; base 7 reported outside the range.
        Assert.Equal(0.15, (double)median.Rate!.Value, 12);
        Assert.Equal(4, median.N);
        Assert.Equal(2, median.BasesWithoutGrowth);
    }

    [Fact]
    public void CountsOnlyTheChosenBases()
    {
        BaseYearValue[] values = [new(1, 2016, 100m), new(1, 2017, 110m), new(2, 2016, 100m), new(2, 2017, 150m)];

        var median = MedianGrowth.OfBaseCagrs(values, 2016, 2017, new HashSet<int> { 2 });

        Assert.Equal(0.5m, median.Rate);
        Assert.Equal(1, median.N);
    }

    [Fact]
    public void IsUndefinedWithReasonGivenNoBaseWithDefinedGrowth()
    {
        BaseYearValue[] values = [new(1, 2016, 0m), new(1, 2017, 1m), new(2, 2017, 5m)];

        Assert.Equal(
            new MedianGrowth(2016, 2017, null, 0, 2, GrowthUndefinedReason.NoDefinedGrowth),
            MedianGrowth.OfBaseCagrs(values, 2016, 2017));
    }

    [Fact]
    public void IsUndefinedWithReasonGivenNoValues() =>
        Assert.Equal(GrowthUndefinedReason.NoDefinedGrowth, MedianGrowth.OfBaseCagrs([], 2016, 2018).UndefinedReason);

    [Fact]
    public void IsUndefinedWithInvalidRangeGivenEndNotAfterStart() =>
        Assert.Equal(GrowthUndefinedReason.InvalidRange, MedianGrowth.OfBaseCagrs([], 2018, 2018).UndefinedReason);
}

public sealed class MedianSelection
{
    /// <summary>Selection gives the textbook median (sort, take the middle or the mean of the two) for any data, ties included.</summary>
    [FsCheck.Xunit.Property(MaxTest = 500)]
    public bool EqualsTheMedianOfTheSortedValues(int[] raw)
    {
        var values = raw.Select(v => (v % 50) / 4m).ToArray();
        var sorted = values.Order().ToArray();
        decimal? expected = sorted.Length == 0 ? null
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2m;

        return Median.Of(values) == expected;
    }
}
