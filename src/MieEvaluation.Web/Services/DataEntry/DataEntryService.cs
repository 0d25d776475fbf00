using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.ViewModels.DataEntry;

namespace MieEvaluation.Web.Services.DataEntry;

/// <summary>
/// The yearly form of a base: loading it with last year's values and warnings, saving and submitting it (evaluators of
/// the base's expert group), and the review actions. Every change of a value or status is appended to the audit trail
/// in the same transaction; a stale form version is a conflict, never an overwrite.
/// </summary>
public sealed class DataEntryService(MieDbContext db, EvaluatorScope scope, FormWarnings warnings, TimeProvider clock)
{
    public async Task<DemonstrationBase?> FindBaseAsync(string code) =>
        await db.Bases.AsNoTracking().SingleOrDefaultAsync(b => b.Code == code);

    /// <summary>Whether a form can exist for the base and year: an active base, from its batch year to this year.</summary>
    public bool IsOpenYear(DemonstrationBase found, int year) =>
        found.IsActive && year >= found.BatchYear && year <= clock.GetUtcNow().Year;

    public Task<bool> CanWriteAsync(ClaimsPrincipal user, DemonstrationBase found, int year) =>
        scope.CanWriteAsync(user, found.Id, year);

    public async Task<bool> CanViewAsync(ClaimsPrincipal user, DemonstrationBase found, int year) =>
        user.IsInRole(Roles.Reviewer) || user.IsInRole(Roles.Administrator) || await scope.CanWriteAsync(user, found.Id, year);

    /// <summary>The form as stored, or with <paramref name="posted"/> texts shown instead (after a refused save).</summary>
    public async Task<YearlyFormPage> LoadAsync(ClaimsPrincipal user, DemonstrationBase found, int year, YearlyFormInput? posted = null)
    {
        var indicators = await ActiveIndicatorsAsync();
        var submission = await db.Submissions.AsNoTracking().Include(s => s.Values)
            .SingleOrDefaultAsync(s => s.BaseId == found.Id && s.Year == year);
        var stored = submission?.Values.ToDictionary(v => v.IndicatorId) ?? [];
        var values = posted is null
            ? indicators.ToDictionary(i => i.Id, i => stored.TryGetValue(i.Id, out var v) ? (decimal?)v.Value : null)
            : Parse(posted, indicators);
        var context = await warnings.ContextAsync(found, year);
        var rows = indicators.Select(i => new FormRow(
            i,
            posted is null ? Format(values[i.Id], i) : posted.Values.GetValueOrDefault(i.Code),
            posted is null ? stored.GetValueOrDefault(i.Id)?.Comment : posted.Comments.GetValueOrDefault(i.Code),
            context.PreviousYear.GetValueOrDefault(i.Id),
            warnings.For(context, i.Id, values[i.Id]))).ToList();

        var canEdit = await scope.CanWriteAsync(user, found.Id, year) && submission?.Status != SubmissionStatus.Approved;
        return new YearlyFormPage(found.Code, found.NameZh, found.NameEn, year, submission?.Status, submission?.Version, rows,
            await AuditAsync(found.Id, year), canEdit, user.IsInRole(Roles.Reviewer));
    }

    /// <summary>Saves (or submits) the form. Validation errors have been checked by the caller.</summary>
    public async Task<(FormOutcome Outcome, IReadOnlyList<string> Problems)> SaveAsync(
        ClaimsPrincipal user, DemonstrationBase found, int year, YearlyFormInput input, Func<string, object[], string> text)
    {
        if (!await scope.CanWriteAsync(user, found.Id, year))
        {
            return (FormOutcome.Forbidden, []);
        }

        var indicators = await ActiveIndicatorsAsync();
        var submission = await db.Submissions.Include(s => s.Values).SingleOrDefaultAsync(s => s.BaseId == found.Id && s.Year == year);
        if (submission is not null && SubmissionWorkflow.IsLocked(submission.Status))
        {
            return (FormOutcome.Locked, []);
        }

        if (submission?.Version != input.Version)
        {
            return (FormOutcome.Conflict, []);
        }

        var action = input.Command == "submit" ? WorkflowAction.Submit : WorkflowAction.Save;
        var current = submission?.Status ?? SubmissionStatus.Draft;
        if (SubmissionWorkflow.Next(current, action) is not { } next)
        {
            return (FormOutcome.NotAllowed, []);
        }

        var values = Parse(input, indicators);
        if (action == WorkflowAction.Submit && await SubmitProblemsAsync(found, year, indicators, values, input, text) is { Count: > 0 } problems)
        {
            return (FormOutcome.Invalid, problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (submission is null)
        {
            submission = new Submission { BaseId = found.Id, Year = year, Status = SubmissionStatus.Draft, CreatedAtUtc = now };
            db.Submissions.Add(submission);
        }

        var trail = new AuditTrail(user, now, ChangeSource.Form, null);
        foreach (var indicator in indicators)
        {
            var comment = Clean(input.Comments.GetValueOrDefault(indicator.Code));
            ApplyValue(submission, indicator.Id, values[indicator.Id], comment, trail);
        }

        ChangeStatus(submission, next, null, trail, now);
        return await CommitAsync(submission, trail) ? (FormOutcome.Saved, []) : (FormOutcome.Conflict, []);
    }

    /// <summary>Approve, return or reopen (reviewers; the caller checks the role).</summary>
    public async Task<FormOutcome> TransitionAsync(ClaimsPrincipal user, DemonstrationBase found, int year, WorkflowAction action, string? reason, Guid? version)
    {
        var submission = await db.Submissions.SingleOrDefaultAsync(s => s.BaseId == found.Id && s.Year == year);
        if (submission is null)
        {
            return FormOutcome.NotFound;
        }

        if (submission.Version != version)
        {
            return FormOutcome.Conflict;
        }

        if (SubmissionWorkflow.NeedsReason(action) && string.IsNullOrWhiteSpace(reason))
        {
            return FormOutcome.Invalid;
        }

        if (SubmissionWorkflow.Next(submission.Status, action) is not { } next)
        {
            return FormOutcome.NotAllowed;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var trail = new AuditTrail(user, now, ChangeSource.Form, null);
        ChangeStatus(submission, next, Clean(reason), trail, now);
        return await CommitAsync(submission, trail) ? FormOutcome.Saved : FormOutcome.Conflict;
    }

    /// <summary>Approves the listed forms that are still submitted at the version the reviewer saw; returns how many.</summary>
    public async Task<int> ApproveAllAsync(ClaimsPrincipal user, int year, IReadOnlyDictionary<int, Guid> seen)
    {
        var ids = seen.Keys.ToList();
        var forms = await db.Submissions.Where(s => s.Year == year && s.Status == SubmissionStatus.Submitted && ids.Contains(s.Id)).ToListAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var trail = new AuditTrail(user, now, ChangeSource.Form, null);
        var approved = forms.Where(f => seen[f.Id] == f.Version).ToList();
        foreach (var form in approved)
        {
            ChangeStatus(form, SubmissionStatus.Approved, null, trail, now);
            form.Version = Guid.NewGuid();
        }

        db.AuditEntries.AddRange(trail.Entries);
        await db.SaveChangesAsync();
        return approved.Count;
    }

    /// <summary>The bases an evaluator may enter data for in <paramref name="year"/>, with the status of their forms.</summary>
    public async Task<IReadOnlyList<MyFormRow>> MyFormsAsync(ClaimsPrincipal user, int year)
    {
        var ids = (await scope.WritableBaseIdsAsync(user, year)).ToList();
        return await db.Bases.AsNoTracking().Where(b => ids.Contains(b.Id)).OrderBy(b => b.Code)
            .Select(b => new MyFormRow(b.Code, b.NameZh, b.NameEn,
                db.Submissions.Where(s => s.BaseId == b.Id && s.Year == year).Select(s => (SubmissionStatus?)s.Status).FirstOrDefault()))
            .ToListAsync();
    }

    /// <summary>Forms listed per page of the reviewer's list: at 100× the real scale a year has 12,000 forms.</summary>
    public const int ReviewPageSize = 100;

    /// <summary>How many of the year's forms wait for review.</summary>
    public Task<int> SubmittedCountAsync(int year) => Submitted(year).CountAsync();

    /// <summary>One page (from 1) of the year's submitted forms, by base code, with each form's open warnings.</summary>
    public async Task<IReadOnlyList<ReviewRow>> SubmittedAsync(int year, int page)
    {
        var forms = await Submitted(year).Include(s => s.Base).Include(s => s.Values).OrderBy(s => s.Base.Code)
            .Skip((page - 1) * ReviewPageSize).Take(ReviewPageSize).ToListAsync();
        var contexts = await warnings.ContextsAsync(forms.Select(f => f.Base).ToList(), year);
        return forms.Select(form => new ReviewRow(form.Id, form.Version, form.Base.Code, form.Base.NameZh, form.Base.NameEn,
            form.Values.Sum(v => warnings.For(contexts[form.BaseId], v.IndicatorId, v.Value).Count), form.SubmittedAtUtc)).ToList();
    }

    private IQueryable<Submission> Submitted(int year) =>
        db.Submissions.AsNoTracking().Where(s => s.Year == year && s.Status == SubmissionStatus.Submitted);

    private async Task<List<string>> SubmitProblemsAsync(DemonstrationBase found, int year, IReadOnlyList<Indicator> indicators,
        Dictionary<int, decimal?> values, YearlyFormInput input, Func<string, object[], string> text)
    {
        var context = await warnings.ContextAsync(found, year);
        var problems = new List<string>();
        foreach (var indicator in indicators)
        {
            var label = Localization.LocalizerExtensions.Pick(indicator.NameZh, indicator.NameEn);
            var explained = !string.IsNullOrWhiteSpace(input.Comments.GetValueOrDefault(indicator.Code));
            if (values[indicator.Id] is null && !explained)
            {
                problems.Add(text("Entry.MissingOnSubmit", [label]));
            }
            else if (!explained && warnings.For(context, indicator.Id, values[indicator.Id]).Count > 0)
            {
                problems.Add(text("Entry.UnexplainedWarning", [label]));
            }
        }

        return problems;
    }

    private void ApplyValue(Submission submission, int indicatorId, decimal? value, string? comment, AuditTrail trail)
    {
        var existing = submission.Values.SingleOrDefault(v => v.IndicatorId == indicatorId);
        var old = existing?.Value;
        if (value is null)
        {
            if (existing is not null)
            {
                db.IndicatorValues.Remove(existing);
                submission.Values.Remove(existing);
            }
        }
        else if (existing is null)
        {
            submission.Values.Add(new IndicatorValue { IndicatorId = indicatorId, Value = value.Value, Comment = comment });
        }
        else
        {
            existing.Value = value.Value;
            existing.Comment = comment;
        }

        if (old != value)
        {
            trail.Value(submission, indicatorId, old, value, comment);
        }
    }

    private static void ChangeStatus(Submission submission, SubmissionStatus next, string? reason, AuditTrail trail, DateTime now)
    {
        if (submission.Status != next || submission.Id == 0)
        {
            trail.Status(submission, submission.Id == 0 ? null : submission.Status, next, reason);
        }

        submission.Status = next;
        submission.UpdatedAtUtc = now;
        submission.SubmittedAtUtc = next == SubmissionStatus.Submitted ? now : submission.SubmittedAtUtc;
        submission.ApprovedAtUtc = next == SubmissionStatus.Approved ? now : null;
    }

    /// <summary>Saves the form and its audit rows in one transaction; false when someone else saved it meanwhile.</summary>
    private async Task<bool> CommitAsync(Submission submission, AuditTrail trail)
    {
        submission.Version = Guid.NewGuid();
        try
        {
            // Through the execution strategy: SQL Server's retrying strategy refuses a bare user transaction.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                await db.SaveChangesAsync(); // the submission first: new forms need their id in the audit rows
                db.AuditEntries.AddRange(trail.Entries.Select(e => { e.SubmissionId = submission.Id; return e; }));
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            });
            return true;
        }
        catch (DbUpdateException)
        {
            // A concurrency-token mismatch, or a second form for the same base and year created meanwhile.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public async Task<List<Indicator>> ActiveIndicatorsAsync() =>
        await db.Indicators.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.DisplayOrder).ToListAsync();

    private async Task<List<AuditLine>> AuditAsync(int baseId, int year) =>
        await db.AuditEntries.AsNoTracking().Where(a => a.BaseId == baseId && a.Year == year).AsLines(db).ToListAsync();

    private static Dictionary<int, decimal?> Parse(YearlyFormInput input, IReadOnlyList<Indicator> indicators) =>
        indicators.ToDictionary(i => i.Id, i => YearlyFormInput.TryParse(input.Values.GetValueOrDefault(i.Code), out var v) ? (decimal?)v : null);

    private static string? Format(decimal? value, Indicator indicator) =>
        value?.ToString($"F{indicator.Decimals}", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A base in the evaluator's list, with its form's status (null: not started).</summary>
public sealed record MyFormRow(string Code, string NameZh, string NameEn, SubmissionStatus? Status);

/// <summary>A submitted form in the reviewer's list, with the number of warnings its values raise.</summary>
public sealed record ReviewRow(int SubmissionId, Guid Version, string Code, string NameZh, string NameEn, int OpenWarnings, DateTime? SubmittedAtUtc);
