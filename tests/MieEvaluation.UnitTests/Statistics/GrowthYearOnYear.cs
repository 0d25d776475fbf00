using MieEvaluation.Domain.Statistics;

namespace MieEvaluation.UnitTests.Statistics;

public sealed class GrowthYearOnYear
{
    [Fact]
    public void GivesOneRateForEachConsecutivePair()
    {
        YearAggregate[] series = [new(2018, 13598m, 40), new(2016, 11740m, 40), new(2017, 12158m, 40)];

        var rates = Growth.YearOnYear(series);

        Assert.Equal([(2016, 2017), (2017, 2018)], rates.Select(rate => (rate.FromYear, rate.ToYear)));
        Assert.Equal((12158m / 11740m) - 1m, rates[0].Rate);
        Assert.Equal((13598m / 12158m) - 1m, rates[1].Rate);
    }

    [Fact]
    public void MarksBothPairsAroundAGapUndefined()
    {
        YearAggregate[] series = [new(2016, 10m, 2), new(2017, null, 0), new(2018, 12m, 2), new(2019, 0m, 2), new(2020, 3m, 2)];

        var rates = Growth.YearOnYear(series);

        Assert.Equal(
            [GrowthUndefinedReason.MissingEndYear, GrowthUndefinedReason.MissingStartYear, null, GrowthUndefinedReason.StartValueZero],
            rates.Select(rate => rate.UndefinedReason));
        Assert.Equal(-1m, rates[2].Rate);
    }

    [Fact]
    public void TreatsAYearAbsentFromTheSeriesAsMissing()
    {
        var rates = Growth.YearOnYear([new YearAggregate(2016, 1m, 1), new YearAggregate(2018, 2m, 1)]);

        Assert.Equal(2, rates.Count);
        Assert.All(rates, rate => Assert.False(rate.IsDefined));
        Assert.Equal(2017, rates[0].UndefinedYear);
    }

    [Fact]
    public void IsEmptyGivenFewerThanTwoYears()
    {
        Assert.Empty(Growth.YearOnYear([]));
        Assert.Empty(Growth.YearOnYear([new YearAggregate(2016, 1m, 1)]));
    }
}
