using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.DataEntry;

namespace MieEvaluation.Web.Services.Import;

/// <summary>What an import would do: counts, every row error with its line, and the warnings.</summary>
public sealed record ImportAnalysis(int NewValues, int ChangedValues, int UnchangedValues, IReadOnlyList<RowError> Errors,
    IReadOnlyList<string> Warnings, bool WarningsComputed)
{
    public bool CanCommit => Errors.Count == 0 && NewValues + ChangedValues > 0;
}

/// <summary>
/// Imports yearly values from CSV (long or wide): analyse for the preview, then commit in one transaction, all or
/// nothing. Every row is checked as the form would check it, plus: the evaluator's expert groups (per row), duplicate
/// keys in the file, and approved (locked) forms. Values enter as Submitted (or Approved by a reviewer who asks so),
/// recorded in the audit trail with the importer and the file name; unchanged values change nothing.
/// </summary>
public sealed class ValueImportService(
    MieDbContext db, EvaluatorScope scope, FormWarnings formWarnings, ImportOptions options, TimeProvider clock,
    IStringLocalizer<SharedResource> localizer)
{
    private const int SaveBatch = 500;

    public async Task<ImportAnalysis> AnalyseAsync(string path, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        (await AnalyseCoreAsync(path, user, withWarnings: true, cancellationToken)).Analysis;

    /// <summary>Reads and checks the file once; the values come back with the analysis so a commit need not read it again.</summary>
    private async Task<(ImportAnalysis Analysis, List<ImportedValue> Values)> AnalyseCoreAsync(
        string path, ClaimsPrincipal user, bool withWarnings, CancellationToken cancellationToken)
    {
        var (values, errors) = await ReadAsync(path, user, cancellationToken);
        if (errors.Count > 0)
        {
            return (new ImportAnalysis(0, 0, 0, errors, [], false), values);
        }

        var stored = await StoredAsync(values, cancellationToken);
        int added = 0, changed = 0, unchanged = 0;
        foreach (var value in values)
        {
            switch (stored.TryGetValue((value.BaseId, value.Year, value.Indicator.Id), out var old) ? (decimal?)old : null)
            {
                case null: added++; break;
                case var same when same == value.Value: unchanged++; break;
                default: changed++; break;
            }
        }

        var compute = withWarnings && values.Count <= options.MaxValuesWithWarnings;
        return (new ImportAnalysis(added, changed, unchanged, [], compute ? await WarningsAsync(values) : [], compute), values);
    }

    /// <summary>Commits the file if it is still free of errors; returns the analysis it committed (or refused on).</summary>
    public async Task<ImportAnalysis> CommitAsync(string path, string fileName, ClaimsPrincipal user, bool approve, CancellationToken cancellationToken = default)
    {
        // The warnings were shown in the preview; the commit only re-checks the rules, against the data as it is now.
        var (analysis, values) = await AnalyseCoreAsync(path, user, withWarnings: false, cancellationToken);
        if (!analysis.CanCommit)
        {
            return analysis;
        }

        var target = approve && user.IsInRole(Roles.Reviewer) ? SubmissionStatus.Approved : SubmissionStatus.Submitted;
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var batch in values.GroupBy(v => (v.BaseId, v.Year)).Chunk(SaveBatch))
            {
                await CommitBatchAsync(batch, user, fileName, target, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        });
        return analysis;
    }

    private async Task CommitBatchAsync(IGrouping<(int BaseId, int Year), ImportedValue>[] forms, ClaimsPrincipal user, string fileName,
        SubmissionStatus target, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var trail = new AuditTrail(user, now, ChangeSource.Import, fileName);
        // (base, year) as one number, so that the lookup is a single IN list on both providers.
        var keys = forms.Select(f => f.Key.BaseId * 10_000 + f.Key.Year).ToList();
        var existing = await db.Submissions.Include(s => s.Values)
            .Where(s => keys.Contains(s.BaseId * 10_000 + s.Year)).ToDictionaryAsync(s => (s.BaseId, s.Year), cancellationToken);
        var touched = new List<Submission>();
        foreach (var form in forms)
        {
            var submission = existing.GetValueOrDefault(form.Key);
            var isNew = submission is null;
            submission ??= new Submission { BaseId = form.Key.BaseId, Year = form.Key.Year, Status = SubmissionStatus.Draft, CreatedAtUtc = now };
            var changes = 0;
            foreach (var value in form)
            {
                var current = submission.Values.SingleOrDefault(v => v.IndicatorId == value.Indicator.Id);
                if (current?.Value == value.Value)
                {
                    continue;
                }

                changes++;
                trail.Value(submission, value.Indicator.Id, current?.Value, value.Value, value.Comment);
                if (current is null)
                {
                    submission.Values.Add(new IndicatorValue { IndicatorId = value.Indicator.Id, Value = value.Value, Comment = value.Comment });
                }
                else
                {
                    current.Value = value.Value;
                    current.Comment = value.Comment ?? current.Comment;
                }
            }

            if (changes == 0)
            {
                continue;
            }

            if (isNew)
            {
                db.Submissions.Add(submission);
            }

            trail.Status(submission, isNew ? null : submission.Status, target, null);
            submission.Status = target;
            submission.UpdatedAtUtc = now;
            submission.SubmittedAtUtc = now;
            submission.ApprovedAtUtc = target == SubmissionStatus.Approved ? now : null;
            submission.Version = Guid.NewGuid();
            touched.Add(submission);
        }

        await db.SaveChangesAsync(cancellationToken); // new forms get their ids for the audit rows
        foreach (var entry in trail.Entries)
        {
            entry.SubmissionId = touched.Single(s => s.BaseId == entry.BaseId && s.Year == entry.Year).Id;
        }

        db.AuditEntries.AddRange(trail.Entries);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task<(List<ImportedValue> Values, List<RowError> Errors)> ReadAsync(string path, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new List<RowError>();
        var encoding = CsvRows.DetectEncoding(path);
        if (encoding is null)
        {
            return ([], [new RowError(0, localizer["Import.BadEncoding"])]);
        }

        var indicators = await db.Indicators.AsNoTracking().Where(i => i.IsActive).ToDictionaryAsync(i => i.Code, cancellationToken);
        var bases = await db.Bases.AsNoTracking().ToDictionaryAsync(b => b.Code, b => (b.Id, b.BatchYear, b.IsActive), cancellationToken);
        var locked = (await db.Submissions.AsNoTracking().Where(s => s.Status == SubmissionStatus.Approved)
            .Select(s => new { s.BaseId, s.Year }).ToListAsync(cancellationToken)).Select(s => (s.BaseId, s.Year)).ToHashSet();
        var isReviewer = user.IsInRole(Roles.Reviewer);
        var writable = new Dictionary<int, IReadOnlySet<int>>();
        var seen = new Dictionary<(int, int, int), int>();
        var values = new List<ImportedValue>();
        var file = new ValueFile(indicators, bases, clock.GetUtcNow().Year, (key, args) => localizer[key, args]);
        foreach (var (value, error) in file.Read(CsvRows.Read(path, encoding)))
        {
            if (error is not null)
            {
                errors.Add(error);
                continue;
            }

            var v = value!;
            if (!isReviewer)
            {
                if (!writable.TryGetValue(v.Year, out var allowed))
                {
                    writable[v.Year] = allowed = await scope.WritableBaseIdsAsync(user, v.Year, cancellationToken);
                }

                if (!allowed.Contains(v.BaseId))
                {
                    errors.Add(new RowError(v.Line, localizer["Import.NotYourBase", v.Year]));
                    continue;
                }
            }

            if (locked.Contains((v.BaseId, v.Year)))
            {
                errors.Add(new RowError(v.Line, localizer["Import.Locked", v.Year]));
            }
            else if (!seen.TryAdd((v.BaseId, v.Year, v.Indicator.Id), v.Line))
            {
                errors.Add(new RowError(v.Line, localizer["Import.Duplicate", seen[(v.BaseId, v.Year, v.Indicator.Id)]]));
            }
            else
            {
                values.Add(v);
            }
        }

        return (values, errors);
    }

    private async Task<Dictionary<(int BaseId, int Year, int IndicatorId), decimal>> StoredAsync(List<ImportedValue> values, CancellationToken cancellationToken)
    {
        var years = values.Select(v => v.Year).Distinct().ToList();
        var baseIds = values.Select(v => v.BaseId).Distinct().ToList();
        return await db.IndicatorValues.AsNoTracking()
            .Where(v => years.Contains(v.Submission.Year) && baseIds.Contains(v.Submission.BaseId))
            .Select(v => new { v.Submission.BaseId, v.Submission.Year, v.IndicatorId, v.Value })
            .ToDictionaryAsync(v => (v.BaseId, v.Year, v.IndicatorId), v => v.Value, cancellationToken);
    }

    private async Task<List<string>> WarningsAsync(List<ImportedValue> values)
    {
        var result = new List<string>();
        var bases = await db.Bases.AsNoTracking().ToDictionaryAsync(b => b.Id);
        foreach (var form in values.GroupBy(v => (v.BaseId, v.Year)))
        {
            var context = await formWarnings.ContextAsync(bases[form.Key.BaseId], form.Key.Year);
            foreach (var value in form)
            {
                foreach (var warning in formWarnings.For(context, value.Indicator.Id, value.Value))
                {
                    result.Add(localizer["Import.Warning", value.Line, value.Indicator.Code,
                        localizer[$"Warning.{warning.Kind}", warning.Value ?? 0, warning.Reference, warning.Measure?.ToString("0.##", System.Globalization.CultureInfo.CurrentCulture) ?? ""]]);
                }
            }
        }

        return result;
    }
}
