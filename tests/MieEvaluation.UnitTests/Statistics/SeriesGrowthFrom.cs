using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Statistics;

namespace MieEvaluation.UnitTests.Statistics;

public sealed class SeriesGrowthFrom
{
    [Fact]
    public void BuildsTheIndicatorRowFromBaseValues()
    {
        var balanced = Panel.BalancedBaseIds(PanelBalancedBaseIds.LateJoiner, 2016, 2018);

        var row = SeriesGrowth.FromBaseValues(PanelBalancedBaseIds.LateJoiner, AggregationKind.Mean, 2016, 2018, balanced);

        Assert.Equal([new(2016, 15m, 2), new(2017, 16.5m, 2), new(2018, 18m, 2)], row.Yearly);
        Assert.Equal(0.0954451150103, (double)row.Cagr.Rate!.Value, 12);
        Assert.Equal([0.1m, (18m / 16.5m) - 1m], row.YearOnYear.Select(rate => rate.Rate!.Value));
        Assert.Equal(2, row.MedianBaseCagr.N);
    }

    [Fact]
    public void ShowsTheLateJoinerEffectWithoutTheBalancedPanel()
    {
        var row = SeriesGrowth.FromBaseValues(PanelBalancedBaseIds.LateJoiner, AggregationKind.Mean, 2016, 2018);

        Assert.Equal([2, 3, 3], row.Yearly.Select(year => year.N));
        Assert.True(row.YearOnYear[0].Rate < 0m);
        Assert.Equal(3, row.MedianBaseCagr.N + row.MedianBaseCagr.BasesWithoutGrowth);
    }

    [Fact]
    public void CompletesAggregatesFromTheDatabaseInYearOrder()
    {
        YearAggregate[] yearly =
        [
            YearAggregate.FromSumAndCount(AggregationKind.Mean, 2018, 13598m * 40, 40),
            YearAggregate.FromSumAndCount(AggregationKind.Mean, 2016, 11740m * 40, 40),
            YearAggregate.FromSumAndCount(AggregationKind.Mean, 2017, 12158m * 40, 40),
        ];
        var median = MedianGrowth.OfBaseCagrs([], 2016, 2018);

        var row = SeriesGrowth.FromAggregates(yearly, median);

        Assert.Equal([2016, 2017, 2018], row.Yearly.Select(year => year.Year));
        Assert.Equal(7.6m, Percent.Round(row.Cagr.Rate!.Value));
        Assert.Equal(2, row.YearOnYear.Count);
        Assert.Same(median, row.MedianBaseCagr);
    }

    [Fact]
    public void HasAnUndefinedCagrGivenOneYear()
    {
        var row = SeriesGrowth.FromBaseValues([new BaseYearValue(1, 2016, 5m)], AggregationKind.Sum, 2016, 2016);

        Assert.Equal(GrowthUndefinedReason.InvalidRange, row.Cagr.UndefinedReason);
        Assert.Empty(row.YearOnYear);
    }

    [Fact]
    public void RejectsAnEmptySeries() =>
        Assert.Throws<ArgumentException>(() => SeriesGrowth.FromAggregates([], MedianGrowth.OfBaseCagrs([], 2016, 2018)));
}
