using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.DataEntry;

namespace MieEvaluation.Web.Services.Forms;

/// <summary>What a write through the gate did, or why it did nothing.</summary>
/// <remarks>
/// <c>Before</c>: The form's status before (null: the form did not exist).<br/>
/// <c>After</c>: The status after a write; the status before when nothing was written.<br/>
/// <c>Problems</c>: Why a submit was refused (<see cref="FormOutcome.Invalid"/>).<br/>
/// <c>Stale</c>: The forms (base codes) that changed since the reviewer saw them (approve-all).<br/>
/// </remarks>
public sealed record FormWriteResult(FormOutcome Outcome, SubmissionStatus? Before = null, SubmissionStatus? After = null,
    IReadOnlyList<SubmitProblem>? Problems = null, IReadOnlyList<string>? Stale = null, int Count = 0)
{
    /// <summary>A submitted form whose change sent it back to Draft: the page says it must be submitted again.</summary>
    public bool WentBackToDraft => Before == SubmissionStatus.Submitted && After == SubmissionStatus.Draft;
}

/// <summary>
/// The one gate for the yearly forms' writes through the model: save, submit, approve, return, reopen and approve-all.
/// Every change asks <see cref="FormGate"/> for the steps and the submit rules, checks the lock and the version token
/// inside its transaction (<see cref="FormWritePipeline"/>), and appends an audit row for every value, comment and
/// status it changes. The CSV import writes in bulk through <see cref="Import.ImportWriter"/>, which asks the same
/// <see cref="FormGate"/>. Nothing else writes <see cref="Submission.Status"/> or <see cref="IndicatorValue"/>s.
/// </summary>
public sealed partial class YearlyFormGate(
    MieDbContext db, FormWritePipeline pipeline, FormWarnings warnings, IAuthorizationService authorization, TimeProvider clock,
    ILogger<YearlyFormGate> log)
{
    /// <summary>Saves the form's values (all active indicators) and, when asked, submits it.</summary>
    public async Task<FormWriteResult> ChangeAsync(ClaimsPrincipal user, DemonstrationBase found, int year, Guid? seenVersion,
        IReadOnlyList<Indicator> activeIndicators, IReadOnlyDictionary<int, ReportedValue> values, FormIntent intent, CancellationToken cancellationToken = default)
    {
        if (!(await authorization.AuthorizeAsync(user, new BaseYear(found.Id, year), BaseOperations.Write)).Succeeded)
        {
            return new FormWriteResult(FormOutcome.Forbidden);
        }

        return await WriteAsync(async token =>
        {
            var submission = await db.Submissions.Include(s => s.Values).SingleOrDefaultAsync(s => s.BaseId == found.Id && s.Year == year, token);
            if (submission is not null && SubmissionWorkflow.IsLocked(submission.Status))
            {
                return Refused(new FormWriteResult(FormOutcome.Locked, submission.Status, submission.Status));
            }

            if (submission?.Version != seenVersion)
            {
                return Refused(new FormWriteResult(FormOutcome.Conflict, submission?.Status, submission?.Status));
            }

            var stored = submission?.Values.ToDictionary(v => v.IndicatorId, v => new ReportedValue(v.Value, v.Comment)) ?? [];
            var wanted = activeIndicators.ToDictionary(i => i.Id, i => Clean(values.GetValueOrDefault(i.Id)));
            var changed = wanted.Any(w => w.Value != stored.GetValueOrDefault(w.Key));
            IReadOnlyList<SubmitProblem> problems = [];
            if (intent == FormIntent.Submit)
            {
                problems = warnings.SubmitProblems(await warnings.ContextAsync(found, year, token), wanted.Keys, wanted);
            }

            var decision = FormGate.Change(submission?.Status, changed, intent, problems.Count == 0);
            if (decision.IsRefused)
            {
                return Refused(new FormWriteResult(decision.Refusal == GateRefusal.Locked ? FormOutcome.Locked : FormOutcome.Invalid,
                    submission?.Status, submission?.Status, problems));
            }

            var before = submission?.Status;
            if (!changed && decision.Steps.Count == 0)
            {
                return Refused(new FormWriteResult(FormOutcome.Saved, before, before)); // nothing to write
            }

            var now = clock.GetUtcNow().UtcDateTime;
            submission ??= db.Submissions.Add(new Submission { BaseId = found.Id, Year = year, Status = SubmissionStatus.Draft, CreatedAtUtc = now }).Entity;
            var trail = new AuditTrail(user, now, ChangeSource.Form, null);
            foreach (var (indicatorId, value) in wanted)
            {
                ApplyValue(submission, indicatorId, value, trail);
            }

            Apply(submission, before, decision, null, trail, now);
            await SaveAsync(submission, trail, token);
            return (new FormWriteResult(FormOutcome.Saved, before, submission.Status), true);
        }, cancellationToken);
    }

    /// <summary>Approve, return or reopen one form (reviewers).</summary>
    public async Task<FormWriteResult> ReviewAsync(ClaimsPrincipal user, DemonstrationBase found, int year, WorkflowAction action, string? reason,
        Guid? seenVersion, CancellationToken cancellationToken = default)
    {
        if (!(await authorization.AuthorizeAsync(user, new BaseYear(found.Id, year), BaseOperations.Review)).Succeeded)
        {
            return new FormWriteResult(FormOutcome.Forbidden);
        }

        return await WriteAsync(async token =>
        {
            var submission = await db.Submissions.SingleOrDefaultAsync(s => s.BaseId == found.Id && s.Year == year, token);
            if (submission is null)
            {
                return Refused(new FormWriteResult(FormOutcome.NotFound));
            }

            if (submission.Version != seenVersion)
            {
                return Refused(new FormWriteResult(FormOutcome.Conflict, submission.Status, submission.Status));
            }

            var decision = FormGate.Review(submission.Status, action, reason);
            if (decision.IsRefused)
            {
                var outcome = decision.Refusal == GateRefusal.ReasonRequired ? FormOutcome.ReasonRequired : FormOutcome.NotAllowed;
                return Refused(new FormWriteResult(outcome, submission.Status, submission.Status));
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var trail = new AuditTrail(user, now, ChangeSource.Form, null);
            var before = submission.Status;
            Apply(submission, before, decision, ReportedValueRules.CleanComment(reason), trail, now);
            await SaveAsync(submission, trail, token);
            return (new FormWriteResult(FormOutcome.Saved, before, submission.Status), true);
        }, cancellationToken);
    }

    /// <summary>
    /// Approves every listed form at the version the reviewer saw, or none: when any of them changed or is no longer
    /// submitted, nothing is approved and the result names those forms.
    /// </summary>
    public async Task<FormWriteResult> ApproveAllAsync(ClaimsPrincipal user, int year, IReadOnlyDictionary<int, Guid> seen, CancellationToken cancellationToken = default)
    {
        if (!(await authorization.AuthorizeAsync(user, Policies.Review)).Succeeded)
        {
            return new FormWriteResult(FormOutcome.Forbidden);
        }

        return await WriteAsync(async token =>
        {
            var ids = seen.Keys.ToList();
            var forms = await db.Submissions.Include(s => s.Base).Where(s => s.Year == year && ids.Contains(s.Id)).ToListAsync(token);
            var stale = forms.Where(f => f.Status != SubmissionStatus.Submitted || f.Version != seen[f.Id]).Select(f => f.Base.Code).ToList();
            if (stale.Count > 0 || forms.Count != ids.Count)
            {
                var missing = ids.Except(forms.Select(f => f.Id)).Select(id => $"#{id}");
                return Refused(new FormWriteResult(FormOutcome.Conflict, Stale: stale.Concat(missing).Order(StringComparer.Ordinal).ToList()));
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var trail = new AuditTrail(user, now, ChangeSource.Form, null);
            foreach (var form in forms)
            {
                Apply(form, form.Status, FormGate.Review(form.Status, WorkflowAction.Approve, null), null, trail, now);
                form.Version = Guid.NewGuid();
            }

            db.AuditEntries.AddRange(trail.Entries);
            await db.SaveChangesAsync(token);
            return (new FormWriteResult(FormOutcome.Saved, Count: forms.Count), true);
        }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A form write failed and was rolled back")]
    private static partial void LogFailedWrite(ILogger logger, Exception exception);

    private static (FormWriteResult, bool) Refused(FormWriteResult result) => (result, false);

    /// <summary>Runs the attempt through the pipeline; a lost race is a conflict, any other failed write its own outcome, logged.</summary>
    private async Task<FormWriteResult> WriteAsync(Func<CancellationToken, Task<(FormWriteResult, bool)>> attempt, CancellationToken cancellationToken)
    {
        try
        {
            return await pipeline.RunAsync(attempt, cancellationToken);
        }
        catch (DbUpdateException exception) when (DbErrors.IsLostRace(exception))
        {
            return new FormWriteResult(FormOutcome.Conflict);
        }
        catch (DbUpdateException exception)
        {
            LogFailedWrite(log, exception);
            return new FormWriteResult(FormOutcome.Failed);
        }
    }

    /// <summary>
    /// Saves the form (with a new version) and then its audit rows, in the attempt's transaction: a new form's id is
    /// known only once it is inserted. A retried attempt starts from an empty tracker and redoes both.
    /// </summary>
    private async Task SaveAsync(Submission submission, AuditTrail trail, CancellationToken cancellationToken)
    {
        submission.Version = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        db.AuditEntries.AddRange(trail.Entries.Select(e => { e.SubmissionId = submission.Id; return e; }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private void ApplyValue(Submission submission, int indicatorId, ReportedValue wanted, AuditTrail trail)
    {
        var existing = submission.Values.SingleOrDefault(v => v.IndicatorId == indicatorId);
        var old = existing is null ? default : new ReportedValue(existing.Value, existing.Comment);
        if (old == wanted)
        {
            return;
        }

        if (wanted.IsEmpty)
        {
            db.IndicatorValues.Remove(existing!);
            submission.Values.Remove(existing!);
        }
        else if (existing is null)
        {
            submission.Values.Add(new IndicatorValue { IndicatorId = indicatorId, Value = wanted.Value, Comment = wanted.Comment });
        }
        else
        {
            existing.Value = wanted.Value;
            existing.Comment = wanted.Comment;
        }

        trail.Value(submission, indicatorId, old.Value, wanted.Value, wanted.Comment);
    }

    /// <summary>Moves the form through the gate's steps, one audit row a step.</summary>
    private static void Apply(Submission submission, SubmissionStatus? before, GateDecision decision, string? reason, AuditTrail trail, DateTime now)
    {
        var from = before;
        foreach (var step in decision.Steps)
        {
            trail.Status(submission, from, step, reason);
            from = step;
            submission.Status = step;
            submission.SubmittedAtUtc = step == SubmissionStatus.Submitted ? now : submission.SubmittedAtUtc;
            submission.ApprovedAtUtc = step == SubmissionStatus.Approved ? now : null;
        }

        submission.UpdatedAtUtc = now;
    }

    private static ReportedValue Clean(ReportedValue value) => new(value.Value, ReportedValueRules.CleanComment(value.Comment));
}
