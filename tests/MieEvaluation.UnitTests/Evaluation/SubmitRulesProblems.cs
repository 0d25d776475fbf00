using MieEvaluation.Domain.Evaluation;

namespace MieEvaluation.UnitTests.Evaluation;

public sealed class SubmitRulesProblems
{
    private static readonly ValueWarning Jump = new(ValueWarningKind.JumpFromPreviousYear, 900m, 100m, 9m);

    private static IReadOnlyCollection<ValueWarning> WarnAbove500(int indicator, decimal? value) => value > 500 ? [Jump] : [];

    [Fact]
    public void AcceptsAnExplainedGapAndAnExplainedWarning()
    {
        var values = new Dictionary<int, ReportedValue>
        {
            [1] = new(null, "The base was merged in March; no figure exists."),
            [2] = new(900m, "New incubator opened."),
            [3] = new(10m, null),
        };

        Assert.Empty(SubmitRules.Problems([1, 2, 3], values, WarnAbove500));
    }

    [Fact]
    public void NamesEachMissingValueAndEachUnexplainedWarning()
    {
        var values = new Dictionary<int, ReportedValue> { [2] = new(900m, "  "), [3] = new(10m, null) };

        Assert.Equal(
            [new SubmitProblem(1, SubmitProblemKind.Missing), new SubmitProblem(2, SubmitProblemKind.UnexplainedWarning)],
            SubmitRules.Problems([1, 2, 3], values, WarnAbove500));
    }
}
