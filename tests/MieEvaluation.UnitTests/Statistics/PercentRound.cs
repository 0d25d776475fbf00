using MieEvaluation.Domain.Statistics;

namespace MieEvaluation.UnitTests.Statistics;

public sealed class PercentRound
{
    [Theory]
    [InlineData("0.0765", "7.7")]
    [InlineData("0.07650", "7.7")]
    [InlineData("0.07649", "7.6")]
    [InlineData("0.076499999", "7.6")]
    [InlineData("-0.0765", "-7.7")]
    [InlineData("-0.07649", "-7.6")]
    [InlineData("0.07623", "7.6")]
    [InlineData("0", "0.0")]
    [InlineData("-1", "-100.0")]
    [InlineData("2.19695", "219.7")]
    public void RoundsHalfAwayFromZeroToOneDecimal(string rate, string percent) =>
        Assert.Equal(Parse(percent), Percent.Round(Parse(rate)));

    [Fact]
    public void KeepsAnUndefinedRateNull()
    {
        Assert.Null(Percent.Round((decimal?)null));
        Assert.Equal(7.7m, Percent.Round((decimal?)0.0765m));
    }

    [Fact]
    public void RoundsTheLargestDefinedRateWithoutOverflow() =>
        Assert.True(Percent.Round(Growth.MaxRate) > 0m);

    private static decimal Parse(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
