using MieEvaluation.Domain.Evaluation;

namespace MieEvaluation.UnitTests.Evaluation;

public sealed class FormGateDecisions
{
    private const SubmissionStatus Draft = SubmissionStatus.Draft;
    private const SubmissionStatus Submitted = SubmissionStatus.Submitted;
    private const SubmissionStatus Approved = SubmissionStatus.Approved;
    private const SubmissionStatus Returned = SubmissionStatus.Returned;

    [Fact]
    public void SendsAChangedSubmittedFormBackToDraft() =>
        Assert.Equal([Draft], FormGate.Change(Submitted, changed: true, FormIntent.Save, passesSubmitRules: true).Steps);

    [Fact]
    public void KeepsAnUnchangedSubmittedFormSubmittedOnSave() =>
        Assert.Empty(FormGate.Change(Submitted, changed: false, FormIntent.Save, passesSubmitRules: false).Steps);

    [Fact]
    public void MakesAReturnedFormADraftOnTheNextSaveEvenUnchanged() =>
        Assert.Equal([Draft], FormGate.Change(Returned, changed: false, FormIntent.Save, passesSubmitRules: false).Steps);

    [Fact]
    public void RefusesToSubmitAFormThatFailsTheSubmitRules() =>
        Assert.Equal(GateRefusal.SubmitRules, FormGate.Change(Draft, changed: true, FormIntent.Submit, passesSubmitRules: false).Refusal);

    [Theory]
    [InlineData(FormIntent.Save)]
    [InlineData(FormIntent.Submit)]
    [InlineData(FormIntent.SubmitIfReady)]
    [InlineData(FormIntent.ApproveIfReady)]
    public void RefusesEveryChangeOfAnApprovedForm(FormIntent intent) =>
        Assert.Equal(GateRefusal.Locked, FormGate.Change(Approved, changed: true, intent, passesSubmitRules: true).Refusal);

    [Fact]
    public void LeavesAnImportedFormThatFailsTheRulesADraft()
    {
        Assert.Equal([Draft], FormGate.Change(null, changed: true, FormIntent.SubmitIfReady, passesSubmitRules: false).Steps);
        Assert.Equal([Draft], FormGate.Change(Submitted, changed: true, FormIntent.ApproveIfReady, passesSubmitRules: false).Steps);
    }

    [Fact]
    public void ApprovesAnImportedDraftOnlyThroughSubmitted() =>
        Assert.Equal([Submitted, Approved], FormGate.Change(Draft, changed: true, FormIntent.ApproveIfReady, passesSubmitRules: true).Steps);

    [Fact]
    public void CreatesANewFormAsADraftBeforeSubmittingIt() =>
        Assert.Equal([Draft, Submitted], FormGate.Change(null, changed: true, FormIntent.SubmitIfReady, passesSubmitRules: true).Steps);

    [Fact]
    public void ResubmitsAChangedReturnedFormThroughDraft() =>
        Assert.Equal([Draft, Submitted], FormGate.Change(Returned, changed: true, FormIntent.Submit, passesSubmitRules: true).Steps);

    [Fact]
    public void NeedsAReasonToReturnOrReopen()
    {
        Assert.Equal(GateRefusal.ReasonRequired, FormGate.Review(Submitted, WorkflowAction.Return, "  ").Refusal);
        Assert.Equal(GateRefusal.ReasonRequired, FormGate.Review(Approved, WorkflowAction.Reopen, null).Refusal);
        Assert.Equal([Draft], FormGate.Review(Approved, WorkflowAction.Reopen, "census corrected").Steps);
    }

    [Fact]
    public void RefusesToApproveADraft() =>
        Assert.Equal(GateRefusal.NotAllowed, FormGate.Review(Draft, WorkflowAction.Approve, null).Refusal);
}
