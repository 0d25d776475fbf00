using MieEvaluation.Domain.Statistics;

namespace MieEvaluation.UnitTests.Statistics;

public sealed class DisplayRoundingRound
{
    [Theory]
    [InlineData("2.5", 0, "3")]
    [InlineData("3.5", 0, "4")]
    [InlineData("-2.5", 0, "-3")]
    [InlineData("2.345", 2, "2.35")]
    [InlineData("2.344", 2, "2.34")]
    public void RoundsHalvesAwayFromZero(string value, int decimals, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            DisplayRounding.Round(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimals));

    [Fact]
    public void KeepsAnUndefinedFigureUndefined() => Assert.Null(DisplayRounding.Round(null, 2));
}
