using MieEvaluation.Domain.Evaluation;

namespace MieEvaluation.UnitTests.Evaluation;

public sealed class ValueChecksWarnings
{
    private static readonly decimal[] TenPeers = [90m, 95m, 98m, 100m, 100m, 102m, 105m, 110m, 96m, 104m];

    [Theory]
    [InlineData(301, 100, true)]
    [InlineData(300, 100, false)]
    [InlineData(34, 100, false)]
    [InlineData(33, 100, true)]
    [InlineData(0, 100, true)]
    public void WarnsOfAJumpBeyondThreeTimesOrBelowAThird(int value, int previous, bool expected)
    {
        var warnings = ValueChecks.Warnings(value, previous, []);

        Assert.Equal(expected, warnings.Any(w => w.Kind == ValueWarningKind.JumpFromPreviousYear));
    }

    [Fact]
    public void GivesTheNumbersBehindAJump()
    {
        var warning = Assert.Single(ValueChecks.Warnings(400m, 100m, []));

        Assert.Equal((ValueWarningKind.JumpFromPreviousYear, 400m, 100m, 4m), (warning.Kind, warning.Value, warning.Reference, warning.Measure));
    }

    [Fact]
    public void NeverWarnsOfAJumpGivenNoOrZeroPreviousValue()
    {
        Assert.Empty(ValueChecks.Warnings(5000m, null, []));
        Assert.Empty(ValueChecks.Warnings(5000m, 0m, []));
    }

    [Fact]
    public void WarnsOfAnOutlierBeyondRobustZOf3Point5()
    {
        // median 100, MAD 4 → z = 0.6745 × (x − 100) / 4; 3.5 is crossed just above 120.76.
        var outlier = ValueChecks.Warnings(121m, null, TenPeers);
        var inlier = ValueChecks.Warnings(120m, null, TenPeers);

        var warning = Assert.Single(outlier);
        Assert.Equal(ValueWarningKind.OutlierAmongPeers, warning.Kind);
        Assert.Equal(100m, warning.Reference);
        Assert.Equal(0.6745m * 21m / 4m, warning.Measure);
        Assert.Empty(inlier);
    }

    [Fact]
    public void SkipsTheOutlierRuleGivenFewerThanEightPeersOrNoSpread()
    {
        Assert.Empty(ValueChecks.Warnings(10_000m, null, TenPeers.Take(7).ToArray()));
        Assert.Empty(ValueChecks.Warnings(10_000m, null, Enumerable.Repeat(100m, 9).ToArray()));
    }

    [Fact]
    public void WarnsOfAMissingValueThatWasReportedLastYear()
    {
        var warning = Assert.Single(ValueChecks.Warnings(null, 42m, TenPeers));

        Assert.Equal((ValueWarningKind.MissingButReportedLastYear, (decimal?)null, 42m), (warning.Kind, warning.Value, warning.Reference));
        Assert.Empty(ValueChecks.Warnings(null, null, TenPeers));
    }

    [Theory]
    [InlineData("12.5", 1, true)]
    [InlineData("12.50", 1, true)]
    [InlineData("12.55", 1, false)]
    [InlineData("12", 0, true)]
    [InlineData("12.0001", 4, true)]
    public void ChecksDecimalPlacesIgnoringTrailingZeros(string value, int decimals, bool fits) =>
        Assert.Equal(fits, ReportedValueRules.FitsDecimals(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimals));
}
