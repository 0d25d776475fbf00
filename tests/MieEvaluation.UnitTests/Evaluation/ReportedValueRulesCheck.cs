using MieEvaluation.Domain.Evaluation;

namespace MieEvaluation.UnitTests.Evaluation;

public sealed class ReportedValueRulesCheck
{
    [Theory]
    [InlineData("11,740", ValueProblem.NotANumber)]
    [InlineData("1.2e3", ValueProblem.NotANumber)]
    [InlineData("NaN", ValueProblem.NotANumber)]
    [InlineData("-1", ValueProblem.Negative)]
    [InlineData("1000000000000.5", ValueProblem.TooLarge)]
    [InlineData("1.25", ValueProblem.TooManyDecimals)]
    public void RefusesWhatIsNotAPlainAllowedNumber(string text, ValueProblem expected) =>
        Assert.Equal(expected, ReportedValueRules.CheckValue(text, decimals: 1, out _));

    [Theory]
    [InlineData(" 12.5 ", 12.5)]
    [InlineData("1.50", 1.5)]
    [InlineData("0", 0)]
    public void AcceptsPlainNumbersWithinTheIndicatorsDecimals(string text, double expected)
    {
        Assert.Null(ReportedValueRules.CheckValue(text, decimals: 1, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Fact]
    public void TreatsAnEmptyTextAsNoValueNotAsAProblem()
    {
        Assert.Null(ReportedValueRules.CheckValue("  ", decimals: 0, out var value));
        Assert.Null(value);
    }

    [Fact]
    public void RefusesACommentOverTheLimit()
    {
        Assert.Equal(ValueProblem.CommentTooLong, ReportedValueRules.CheckComment(new string('x', ReportedValueRules.MaxCommentLength + 1)));
        Assert.Null(ReportedValueRules.CheckComment(new string('x', ReportedValueRules.MaxCommentLength)));
    }
}
