using MieEvaluation.Domain.Evaluation;

namespace MieEvaluation.UnitTests.Evaluation;

public sealed class SubmissionWorkflowNext
{
    [Theory]
    [InlineData(SubmissionStatus.Draft, WorkflowAction.Save, SubmissionStatus.Draft)]
    [InlineData(SubmissionStatus.Draft, WorkflowAction.Submit, SubmissionStatus.Submitted)]
    [InlineData(SubmissionStatus.Submitted, WorkflowAction.Approve, SubmissionStatus.Approved)]
    [InlineData(SubmissionStatus.Submitted, WorkflowAction.Return, SubmissionStatus.Returned)]
    [InlineData(SubmissionStatus.Returned, WorkflowAction.Save, SubmissionStatus.Draft)]
    [InlineData(SubmissionStatus.Submitted, WorkflowAction.Save, SubmissionStatus.Draft)] // a changed submitted form is submitted again
    [InlineData(SubmissionStatus.Returned, WorkflowAction.Submit, SubmissionStatus.Submitted)]
    [InlineData(SubmissionStatus.Approved, WorkflowAction.Reopen, SubmissionStatus.Draft)]
    public void AllowsTheWorkflowsTransitions(SubmissionStatus from, WorkflowAction action, SubmissionStatus to) =>
        Assert.Equal(to, SubmissionWorkflow.Next(from, action));

    [Theory]
    [InlineData(SubmissionStatus.Draft, WorkflowAction.Approve)]
    [InlineData(SubmissionStatus.Draft, WorkflowAction.Return)]
    [InlineData(SubmissionStatus.Draft, WorkflowAction.Reopen)]
    [InlineData(SubmissionStatus.Approved, WorkflowAction.Save)]
    [InlineData(SubmissionStatus.Approved, WorkflowAction.Submit)]
    [InlineData(SubmissionStatus.Approved, WorkflowAction.Approve)]
    [InlineData(SubmissionStatus.Returned, WorkflowAction.Approve)]
    [InlineData(SubmissionStatus.Submitted, WorkflowAction.Reopen)]
    public void RefusesEveryOtherTransition(SubmissionStatus from, WorkflowAction action) =>
        Assert.Null(SubmissionWorkflow.Next(from, action));

    [Fact]
    public void AsksForAReasonOnlyToReturnOrReopen() =>
        Assert.Equal([WorkflowAction.Return, WorkflowAction.Reopen], Enum.GetValues<WorkflowAction>().Where(SubmissionWorkflow.NeedsReason));
}
