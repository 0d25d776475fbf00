namespace MieEvaluation.Domain.Evaluation;

/// <summary>What can happen to a yearly form, and when.</summary>
public enum WorkflowAction
{
    /// <summary>An evaluator saves changed values; a returned or submitted form goes back to draft (to be submitted again).</summary>
    Save,

    /// <summary>An evaluator hands in a complete form whose warnings are all explained.</summary>
    Submit,

    /// <summary>A reviewer accepts a submitted form; its data is then locked.</summary>
    Approve,

    /// <summary>A reviewer sends a submitted form back, with a reason.</summary>
    Return,

    /// <summary>A reviewer unlocks an approved form, with a reason.</summary>
    Reopen,
}

/// <summary>
/// Draft → Submitted → Approved, or Submitted → Returned (with a reason) → Draft when next saved; a submitted form
/// whose values change goes back to Draft; Approved → Draft only by reopening (with a reason). Approved data is locked.
/// <see cref="FormGate"/> applies these steps to every write.
/// </summary>
public static class SubmissionWorkflow
{
    /// <summary>The status after <paramref name="action"/>, or null when the action is not allowed from <paramref name="current"/>.</summary>
    public static SubmissionStatus? Next(SubmissionStatus current, WorkflowAction action) => (current, action) switch
    {
        (SubmissionStatus.Draft or SubmissionStatus.Returned or SubmissionStatus.Submitted, WorkflowAction.Save) => SubmissionStatus.Draft,
        (SubmissionStatus.Draft or SubmissionStatus.Returned or SubmissionStatus.Submitted, WorkflowAction.Submit) => SubmissionStatus.Submitted,
        (SubmissionStatus.Submitted, WorkflowAction.Approve) => SubmissionStatus.Approved,
        (SubmissionStatus.Submitted, WorkflowAction.Return) => SubmissionStatus.Returned,
        (SubmissionStatus.Approved, WorkflowAction.Reopen) => SubmissionStatus.Draft,
        _ => null,
    };

    /// <summary>Returning and reopening must say why.</summary>
    public static bool NeedsReason(WorkflowAction action) => action is WorkflowAction.Return or WorkflowAction.Reopen;

    public static bool IsLocked(SubmissionStatus status) => status == SubmissionStatus.Approved;
}
