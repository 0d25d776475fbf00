using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Statistics;

namespace MieEvaluation.UnitTests.Statistics;

public sealed class YearAggregateFromSumAndCount
{
    [Fact]
    public void DividesTheSumByTheCountGivenMean() =>
        Assert.Equal(new YearAggregate(2017, 12.5m, 4), YearAggregate.FromSumAndCount(AggregationKind.Mean, 2017, 50m, 4));

    [Fact]
    public void KeepsTheSumGivenSum() =>
        Assert.Equal(new YearAggregate(2017, 50m, 4), YearAggregate.FromSumAndCount(AggregationKind.Sum, 2017, 50m, 4));

    [Fact]
    public void KeepsFullDecimalPrecisionOfTheMean() =>
        Assert.Equal(10m / 3m, YearAggregate.FromSumAndCount(AggregationKind.Mean, 2017, 10m, 3).Value);

    [Theory]
    [InlineData(AggregationKind.Mean)]
    [InlineData(AggregationKind.Sum)]
    public void IsNullNotZeroGivenNoBase(AggregationKind kind) =>
        Assert.Equal(new YearAggregate(2017, null, 0), YearAggregate.FromSumAndCount(kind, 2017, 0m, 0));

    [Fact]
    public void RejectsANegativeCount() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => YearAggregate.FromSumAndCount(AggregationKind.Mean, 2017, 1m, -1));

    [Fact]
    public void RejectsAnUnknownKind() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => YearAggregate.FromSumAndCount((AggregationKind)99, 2017, 1m, 1));

    [Theory]
    [InlineData(AggregationKind.Mean, "91.6")]
    [InlineData(AggregationKind.Sum, "274.8")]
    public void AggregatesASequenceOfValues(AggregationKind kind, string expected)
    {
        var aggregate = YearAggregate.FromValues(kind, 2016, [90.1m, 92.6m, 92.1m]);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), aggregate.Value);
        Assert.Equal(3, aggregate.N);
    }

    [Fact]
    public void IsNullGivenAnEmptySequence() =>
        Assert.Equal(new YearAggregate(2016, null, 0), YearAggregate.FromValues(AggregationKind.Sum, 2016, []));
}
