namespace MieEvaluation.Domain.Evaluation;

/// <summary>What a writer wants a change of values to do to the form's status.</summary>
public enum FormIntent
{
    /// <summary>Keep working: the form is (or goes back to) a draft.</summary>
    Save,

    /// <summary>Hand the form in; refused unless it passes the submit rules.</summary>
    Submit,

    /// <summary>An import: submitted if the form then passes the submit rules, otherwise left a draft.</summary>
    SubmitIfReady,

    /// <summary>A reviewer's import: submitted and approved if the form then passes the submit rules, otherwise a draft.</summary>
    ApproveIfReady,
}

/// <summary>Why the gate refused a write; nothing is written then.</summary>
public enum GateRefusal
{
    /// <summary>The form is approved: its data is locked until a reviewer reopens it.</summary>
    Locked,

    /// <summary>The workflow does not allow the action from the form's status.</summary>
    NotAllowed,

    /// <summary>Submitting was asked for but the form does not pass the submit rules.</summary>
    SubmitRules,

    /// <summary>Returning and reopening need a reason.</summary>
    ReasonRequired,
}

/// <summary>
/// The gate's answer: a refusal, or the statuses the form passes through in order (each step allowed by
/// <see cref="SubmissionWorkflow"/>, each recorded in the audit trail). No steps: the status stays.
/// </summary>
public sealed record GateDecision(GateRefusal? Refusal, IReadOnlyList<SubmissionStatus> Steps)
{
    public bool IsRefused => Refusal is not null;

    public static GateDecision Refuse(GateRefusal why) => new(why, []);

    /// <summary>The status after the change, given the one before.</summary>
    public SubmissionStatus? FinalStatus(SubmissionStatus? before) => Steps.Count > 0 ? Steps[^1] : before;
}

/// <summary>
/// The rules every write of a yearly form obeys, whatever path it comes by — the form, the review actions, approve-all,
/// the CSV import (pages and API). The writers (Web's form gate and bulk import) ask here and apply exactly the steps
/// decided; the version token is theirs to check inside the write's transaction.
/// </summary>
public static class FormGate
{
    /// <summary>A change of values (or a request to submit) by an evaluator, an import or a reviewer's import.</summary>
    /// <param name="current">The form's status; null when the form does not exist yet (the change creates it).</param>
    /// <param name="changed">Whether any value or comment differs from what is stored.</param>
    /// <param name="intent">What the writer wants the change to do to the status.</param>
    /// <param name="passesSubmitRules">Whether the form, as it would be after the change, passes <see cref="SubmitRules"/>.</param>
    public static GateDecision Change(SubmissionStatus? current, bool changed, FormIntent intent, bool passesSubmitRules)
    {
        if (current is { } status && SubmissionWorkflow.IsLocked(status))
        {
            return GateDecision.Refuse(GateRefusal.Locked);
        }

        var steps = new List<SubmissionStatus>();
        var now = current ?? SubmissionStatus.Draft;
        if (current is null)
        {
            steps.Add(SubmissionStatus.Draft);
        }
        else if (now == SubmissionStatus.Returned || (changed && now == SubmissionStatus.Submitted))
        {
            // A submitted form whose values change must be submitted again; a returned one, once saved, is a draft again.
            now = Step(now, WorkflowAction.Save, steps);
        }

        switch (intent)
        {
            case FormIntent.Submit when !passesSubmitRules:
                return GateDecision.Refuse(GateRefusal.SubmitRules);
            case FormIntent.Submit or FormIntent.SubmitIfReady when passesSubmitRules && now != SubmissionStatus.Submitted:
                Step(now, WorkflowAction.Submit, steps);
                break;
            case FormIntent.ApproveIfReady when passesSubmitRules:
                now = now == SubmissionStatus.Submitted ? now : Step(now, WorkflowAction.Submit, steps);
                Step(now, WorkflowAction.Approve, steps);
                break;
        }

        return new GateDecision(null, steps);
    }

    /// <summary>A reviewer's action on a form: approve, return (with a reason) or reopen (with a reason).</summary>
    public static GateDecision Review(SubmissionStatus current, WorkflowAction action, string? reason)
    {
        if (action is WorkflowAction.Save or WorkflowAction.Submit)
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "Saving and submitting are changes: use Change.");
        }

        if (SubmissionWorkflow.NeedsReason(action) && string.IsNullOrWhiteSpace(reason))
        {
            return GateDecision.Refuse(GateRefusal.ReasonRequired);
        }

        if (SubmissionWorkflow.Next(current, action) is not { } next)
        {
            return GateDecision.Refuse(GateRefusal.NotAllowed);
        }

        return new GateDecision(null, [next]);
    }

    private static SubmissionStatus Step(SubmissionStatus from, WorkflowAction action, List<SubmissionStatus> steps)
    {
        var next = SubmissionWorkflow.Next(from, action)
                   ?? throw new InvalidOperationException($"The workflow has no step {action} from {from}.");
        steps.Add(next);
        return next;
    }
}
