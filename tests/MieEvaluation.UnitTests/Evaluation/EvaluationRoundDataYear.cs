using MieEvaluation.Domain.Evaluation;

namespace MieEvaluation.UnitTests.Evaluation;

public sealed class EvaluationRoundDataYear
{
    [Theory]
    [InlineData("2026-12-01", 2025)]
    [InlineData("2026-01-01", 2025)]
    [InlineData("2027-01-01", 2026)]
    [InlineData("2017-06-30", 2016)]
    public void IsTheYearBeforeTheRoundIsHeld(string today, int dataYear) =>
        Assert.Equal(dataYear, EvaluationRound.DataYear(DateTimeOffset.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
}
