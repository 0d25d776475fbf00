namespace MieEvaluation.Domain.Evaluation;

/// <summary>What can happen to a yearly form, and when.</summary>
public enum WorkflowAction
{
    /// <summary>An evaluator saves values; a returned form goes back to draft.</summary>
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
/// Draft → Submitted → Approved, or Submitted → Returned (with a reason) → Draft when next saved; Approved → Draft
/// only by reopening (with a reason). Approved data is locked.
/// </summary>
public static class SubmissionWorkflow
{
    /// <summary>The status after <paramref name="action"/>, or null when the action is not allowed from <paramref name="current"/>.</summary>
    public static SubmissionStatus? Next(SubmissionStatus current, WorkflowAction action) => (current, action) switch
    {
        (SubmissionStatus.Draft or SubmissionStatus.Returned, WorkflowAction.Save) => SubmissionStatus.Draft,
        (SubmissionStatus.Submitted, WorkflowAction.Save) => SubmissionStatus.Submitted,
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
