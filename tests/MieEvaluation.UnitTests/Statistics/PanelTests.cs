using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Statistics;

namespace MieEvaluation.UnitTests.Statistics;

public sealed class PanelBalancedBaseIds
{
    /// <summary>The example of docs/formulas.md: base 3 joins in 2017.</summary>
    internal static readonly BaseYearValue[] LateJoiner =
    [
        new(1, 2016, 10m), new(1, 2017, 11m), new(1, 2018, 12m),
        new(2, 2016, 20m), new(2, 2017, 22m), new(2, 2018, 24m),
        new(3, 2017, 2m), new(3, 2018, 3m),
    ];

    [Fact]
    public void KeepsOnlyBasesReportingEveryYear() =>
        Assert.Equal([1, 2], Panel.BalancedBaseIds(LateJoiner, 2016, 2018).Order());

    [Fact]
    public void IgnoresYearsOutsideTheRange() =>
        Assert.Equal([1, 2, 3], Panel.BalancedBaseIds(LateJoiner, 2017, 2018).Order());

    [Fact]
    public void IsEmptyGivenNoValues() => Assert.Empty(Panel.BalancedBaseIds([], 2016, 2018));

    [Fact]
    public void RejectsAReversedRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Panel.BalancedBaseIds(LateJoiner, 2018, 2016));
}

public sealed class PanelYearlyAggregates
{
    [Fact]
    public void CountsEveryReportingBaseGivenNoBaseSet()
    {
        var series = Panel.YearlyAggregates(PanelBalancedBaseIds.LateJoiner, AggregationKind.Mean, 2016, 2018);

        Assert.Equal([new(2016, 15m, 2), new(2017, 35m / 3m, 3), new(2018, 13m, 3)], series);
    }

    [Fact]
    public void CountsOnlyTheChosenBases()
    {
        var balanced = Panel.BalancedBaseIds(PanelBalancedBaseIds.LateJoiner, 2016, 2018);

        var series = Panel.YearlyAggregates(PanelBalancedBaseIds.LateJoiner, AggregationKind.Sum, 2016, 2018, balanced);

        Assert.Equal([new(2016, 30m, 2), new(2017, 33m, 2), new(2018, 36m, 2)], series);
    }

    [Fact]
    public void HoldsEveryYearOfTheRangeEvenWithoutValues()
    {
        var series = Panel.YearlyAggregates([new BaseYearValue(1, 2017, 4m)], AggregationKind.Mean, 2016, 2018);

        Assert.Equal([new(2016, null, 0), new(2017, 4m, 1), new(2018, null, 0)], series);
    }

    [Fact]
    public void RejectsTwoValuesOfOneBaseInOneYear() =>
        Assert.Throws<ArgumentException>(() => Panel.YearlyAggregates(
            [new BaseYearValue(1, 2017, 4m), new BaseYearValue(1, 2017, 5m)], AggregationKind.Sum, 2016, 2018));
}
