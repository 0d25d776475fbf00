using MieEvaluation.Domain.Statistics;

namespace MieEvaluation.UnitTests.Statistics;

public sealed class GrowthCagr
{
    /// <summary>Yearly means 2016, 2017, 2018 and the CAGR % printed in the national report.</summary>
    public static TheoryData<string, decimal, decimal, decimal, decimal> NationalReport => new()
    {
        { "new_market_entities", 11740m, 12158m, 13598m, 7.6m },
        { "national_talent", 59m, 589m, 603m, 219.7m },
        { "incubation_area_m2", 60m, 74m, 105m, 32.3m },
        { "research_centres", 38m, 49m, 51m, 15.8m },
        { "patents_granted", 285m, 289m, 309m, 4.1m },
        { "univ_enterprise_coop", 582m, 714m, 775m, 15.4m },
        { "enterprise_gov_projects", 128m, 142m, 367m, 69.3m },
        { "inter_enterprise_projects", 6707m, 8239m, 8994m, 15.8m },
        { "institute_ie_projects", 168m, 592m, 1296m, 177.7m },
        { "people_trained", 13440m, 16155m, 20209m, 22.6m },
        { "edu_investment_10k_yuan", 1417m, 1768m, 2046m, 20.2m },
        { "new_urban_jobs_10k", 91.6m, 141.1m, 146.1m, 26.3m },
    };

    [Theory]
    [MemberData(nameof(NationalReport))]
    public void MatchesTheNationalReportGivenItsYearlyMeans(string indicator, decimal v2016, decimal v2017, decimal v2018, decimal reportedPercent)
    {
        YearAggregate[] series = [new(2016, v2016, 1), new(2017, v2017, 1), new(2018, v2018, 1)];

        var cagr = Growth.Cagr(series, 2016, 2018);

        Assert.True(cagr.IsDefined, indicator);
        Assert.Equal(reportedPercent, Percent.Round(cagr.Rate!.Value));
    }

    [Fact]
    public void ComputesTheWorkedExampleOfTheFormulasDocument()
    {
        var cagr = Growth.Cagr(2016, 11740m, 2018, 13598m);

        Assert.Equal(0.07623, (double)cagr.Rate!.Value, 5);
        Assert.Equal(2016, cagr.FromYear);
        Assert.Equal(2018, cagr.ToYear);
        Assert.Null(cagr.UndefinedReason);
        Assert.Null(cagr.UndefinedYear);
    }

    [Fact]
    public void IsExactOverOneYear() =>
        Assert.Equal(0.2m, Growth.Cagr(2016, 3m, 2017, 3.6m).Rate);

    [Fact]
    public void IsMinusOneGivenZeroEndValue()
    {
        Assert.Equal(-1m, Growth.Cagr(2016, 5m, 2019, 0m).Rate);
        Assert.Equal(-1m, Growth.Cagr(2016, 5m, 2017, 0m).Rate);
    }

    [Fact]
    public void IsZeroGivenEqualValues() => Assert.Equal(0m, Growth.Cagr(2016, 7m, 2020, 7m).Rate);

    [Theory]
    [InlineData(2018, 2018)]
    [InlineData(2018, 2016)]
    public void IsUndefinedWithInvalidRangeGivenEndNotAfterStart(int fromYear, int toYear) =>
        AssertUndefined(Growth.Cagr(fromYear, 1m, toYear, 2m), GrowthUndefinedReason.InvalidRange, null);

    [Fact]
    public void IsUndefinedWithReasonGivenMissingStartYear() =>
        AssertUndefined(Growth.Cagr(2016, null, 2018, 2m), GrowthUndefinedReason.MissingStartYear, 2016);

    [Fact]
    public void IsUndefinedWithReasonGivenMissingEndYear() =>
        AssertUndefined(Growth.Cagr(2016, 1m, 2018, null), GrowthUndefinedReason.MissingEndYear, 2018);

    [Fact]
    public void IsUndefinedWithReasonGivenZeroStart() =>
        AssertUndefined(Growth.Cagr(2016, 0m, 2018, 5m), GrowthUndefinedReason.StartValueZero, 2016);

    [Fact]
    public void IsUndefinedWithReasonGivenNegativeStart() =>
        AssertUndefined(Growth.Cagr(2016, -1m, 2018, 5m), GrowthUndefinedReason.NegativeValue, 2016);

    [Fact]
    public void IsUndefinedWithReasonGivenNegativeEnd() =>
        AssertUndefined(Growth.Cagr(2016, 1m, 2017, -5m), GrowthUndefinedReason.NegativeValue, 2017);

    [Fact]
    public void IsUndefinedWithOutOfRangeGivenDecimalDivisionOverflowOverOneYear() =>
        AssertUndefined(Growth.Cagr(2016, 0.0000000000000000000000000001m, 2017, decimal.MaxValue), GrowthUndefinedReason.OutOfRange, null);

    [Fact]
    public void IsUndefinedWithOutOfRangeGivenRateTooLargeForAPercentage() =>
        AssertUndefined(Growth.Cagr(2016, 1m, 2017, decimal.MaxValue), GrowthUndefinedReason.OutOfRange, null);

    [Fact]
    public void IsUndefinedWithOutOfRangeGivenRootBeyondDecimal() =>
        AssertUndefined(Growth.Cagr(2016, 0.0000000000000000000000000001m, 2018, decimal.MaxValue), GrowthUndefinedReason.OutOfRange, null);

    [Fact]
    public void IsDefinedAndDisplayableGivenHugeButRepresentableRate()
    {
        var cagr = Growth.Cagr(2016, 0.00000000000000000001m, 2018, 10_000_000_000_000_000_000_000_000_000m);

        Assert.True(cagr.IsDefined);
        Assert.Equal(1e24, (double)cagr.Rate!.Value, 1e12);
        Assert.True(Percent.Round(cagr.Rate.Value) > 0m);
    }

    [Fact]
    public void IsDefinedGivenTinyRatioOverSeveralYears()
    {
        var cagr = Growth.Cagr(2016, decimal.MaxValue, 2018, 0.0000000000000000000000000001m);

        Assert.True(cagr.IsDefined);
        Assert.InRange(cagr.Rate!.Value, -1m, -0.999m);
    }

    [Fact]
    public void TreatsYearsAbsentFromTheSeriesAsMissing()
    {
        YearAggregate[] series = [new(2016, 10m, 3), new(2017, null, 0)];

        AssertUndefined(Growth.Cagr(series, 2016, 2017), GrowthUndefinedReason.MissingEndYear, 2017);
        AssertUndefined(Growth.Cagr(series, 2015, 2017), GrowthUndefinedReason.MissingStartYear, 2015);
    }

    [Fact]
    public void RejectsASeriesHoldingAYearTwice() =>
        Assert.Throws<ArgumentException>(() => Growth.Cagr([new YearAggregate(2016, 1m, 1), new YearAggregate(2016, 2m, 1)], 2016, 2017));

    private static void AssertUndefined(GrowthRate growth, GrowthUndefinedReason reason, int? year)
    {
        Assert.False(growth.IsDefined);
        Assert.Null(growth.Rate);
        Assert.Equal(reason, growth.UndefinedReason);
        Assert.Equal(year, growth.UndefinedYear);
    }
}
