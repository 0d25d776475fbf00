using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Data.Bulk;
using MieEvaluation.Web.Services.Forms;

namespace MieEvaluation.Web.Services.Import;

/// <summary>What an import found against the stored values: new, changed and unchanged values.</summary>
internal sealed class ImportCounts
{
    public int Added { get; set; }

    public int Changed { get; set; }

    public int Unchanged { get; set; }
}

/// <summary>A stored form as the import meets it.</summary>
internal readonly record struct StoredForm(int Id, SubmissionStatus Status, Guid Version);

/// <summary>The forms and stored values a chunk of imported values meets, read in two queries.</summary>
internal sealed record StoredForms(
    Dictionary<(int BaseId, int Year), StoredForm> Forms,
    Dictionary<(int SubmissionId, int IndicatorId), (int Id, ReportedValue Value)> Values)
{
    public static async Task<StoredForms> ReadAsync(MieDbContext db, IReadOnlyCollection<ImportedValue> chunk, CancellationToken cancellationToken)
    {
        var baseIds = chunk.Select(v => v.BaseId).Distinct().ToList();
        var years = chunk.Select(v => v.Year).Distinct().ToList();
        var forms = await db.Submissions.AsNoTracking()
            .Where(s => baseIds.Contains(s.BaseId) && years.Contains(s.Year))
            .Select(s => new { s.Id, s.BaseId, s.Year, s.Status, s.Version })
            .ToDictionaryAsync(s => (s.BaseId, s.Year), s => new StoredForm(s.Id, s.Status, s.Version), cancellationToken);
        var ids = forms.Values.Select(f => f.Id).ToList();
        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => ids.Contains(v.SubmissionId))
            .Select(v => new { v.Id, v.SubmissionId, v.IndicatorId, v.Value, v.Comment })
            .ToDictionaryAsync(v => (v.SubmissionId, v.IndicatorId), v => (v.Id, new ReportedValue(v.Value, v.Comment)), cancellationToken);
        return new StoredForms(forms, values);
    }
}

/// <summary>The outcome of one form an import changes: its status before and after, and why it was not submitted.</summary>
public sealed record ImportedForm(string BaseCode, int Year, SubmissionStatus? Before, SubmissionStatus After, IReadOnlyList<SubmitProblem> Problems)
{
    /// <summary>Whether the form passes the submit rules after the import (submitted, or approved by a reviewer who asked).</summary>
    public bool Ready => Problems.Count == 0;
}

/// <summary>
/// The import's side of the one gate (<see cref="FormGate"/>): writes checked values chunk by chunk inside the import's
/// transaction through prepared multi-row statements (<see cref="ModelRowWriter"/>; change tracking cannot hold 1.44
/// million values in 300 MB), one audit row per changed value or comment. Each existing form is claimed once with a
/// conditional update on the version it had when read (or when previewed): a form changed meanwhile is refused by
/// name and the import rolls back. At the end every changed form is decided as the gate decides a form save — submitted
/// (or approved) only if it then passes the submit rules, otherwise a draft — one audit row a status step, and the
/// derived data are refreshed.
/// </summary>
internal sealed class ImportWriter : IDisposable
{
    private readonly MieDbContext _db;
    private readonly FormWarnings _warnings;
    private readonly IReadOnlyDictionary<int, DemonstrationBase> _bases;
    private readonly FormIntent _intent;
    private readonly DateTime _now;
    private readonly Messages _text;
    private readonly IReadOnlyDictionary<(int BaseId, int Year), Guid?>? _previewed;

    // Forms this import changed, by id, with their status before it (null: created by it). A form whose rows straddle
    // two chunks is claimed and decided once.
    private readonly Dictionary<int, (int BaseId, int Year, SubmissionStatus? Before)> _changed = [];
    private readonly ModelRowWriter _newForms;
    private readonly ModelRowWriter _formClaims;
    private readonly ModelRowWriter _newValues;
    private readonly ModelRowWriter _valueUpdates;
    private readonly ModelRowWriter _valueAudit;
    private readonly ModelRowWriter _statusAudit;

    /// <remarks>
    /// <c>previewed</c>: The version of each form the preview saw (null: the form did not exist); null when there was no preview.<br/>
    /// </remarks>
    public ImportWriter(MieDbContext db, FormWarnings warnings, IReadOnlyDictionary<int, DemonstrationBase> bases, ClaimsPrincipal user, string sourceName,
        FormIntent intent, DateTime now, Messages text, IReadOnlyDictionary<(int BaseId, int Year), Guid?>? previewed)
    {
        _db = db;
        _warnings = warnings;
        _bases = bases;
        _intent = intent;
        _now = now;
        _text = text;
        _previewed = previewed;
        _newForms = new ModelRowWriter(db, typeof(Submission), [nameof(Submission.BaseId), nameof(Submission.Year), nameof(Submission.Status),
            nameof(Submission.CreatedAtUtc), nameof(Submission.UpdatedAtUtc), nameof(Submission.Version)]);
        _formClaims = new ModelRowWriter(db, typeof(Submission), [nameof(Submission.UpdatedAtUtc), nameof(Submission.Version)]);
        _newValues = new ModelRowWriter(db, typeof(IndicatorValue), [nameof(IndicatorValue.SubmissionId), nameof(IndicatorValue.IndicatorId),
            nameof(IndicatorValue.Value), nameof(IndicatorValue.Comment)]);
        _valueUpdates = new ModelRowWriter(db, typeof(IndicatorValue), [nameof(IndicatorValue.Value), nameof(IndicatorValue.Comment)]);
        var stamp = new Dictionary<string, object?>
        {
            [nameof(AuditEntry.Source)] = ChangeSource.Import,
            [nameof(AuditEntry.SourceName)] = sourceName,
            [nameof(AuditEntry.UserId)] = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            [nameof(AuditEntry.UserName)] = user.Identity?.Name ?? "",
            [nameof(AuditEntry.AtUtc)] = now,
        };
        _valueAudit = new ModelRowWriter(db, typeof(AuditEntry), [nameof(AuditEntry.SubmissionId), nameof(AuditEntry.BaseId), nameof(AuditEntry.Year),
            nameof(AuditEntry.IndicatorId), nameof(AuditEntry.OldValue), nameof(AuditEntry.NewValue), nameof(AuditEntry.Comment)], stamp);
        _statusAudit = new ModelRowWriter(db, typeof(AuditEntry), [nameof(AuditEntry.SubmissionId), nameof(AuditEntry.BaseId), nameof(AuditEntry.Year),
            nameof(AuditEntry.OldStatus), nameof(AuditEntry.NewStatus)], stamp);
    }

    public ImportCounts Counts { get; } = new();

    /// <summary>Forms refused while writing (locked or changed since they were read or previewed); any one rolls the import back.</summary>
    public List<RowError> Errors { get; } = [];

    /// <summary>Every changed form's outcome, in the order decided (by year, then base code).</summary>
    public List<ImportedForm> Forms { get; } = [];

    /// <summary>The version each changed form had when this import read it (null: it did not exist); a confirmation checks these.</summary>
    public Dictionary<(int BaseId, int Year), Guid?> Seen { get; } = [];

    public async Task WriteAsync(List<ImportedValue> chunk, CancellationToken cancellationToken)
    {
        var stored = await StoredForms.ReadAsync(_db, chunk, cancellationToken);
        foreach (var form in chunk.GroupBy(v => (v.BaseId, v.Year)))
        {
            var existing = stored.Forms.TryGetValue(form.Key, out var found) ? found : (StoredForm?)null;
            var changes = new List<(ImportedValue Value, ReportedValue New, (int Id, ReportedValue Value)? Old)>();
            foreach (var value in form)
            {
                (int Id, ReportedValue Value)? old = existing is { } e && stored.Values.TryGetValue((e.Id, value.Indicator.Id), out var was) ? was : null;

                // An import row without a comment keeps the stored comment; a new comment replaces it.
                var wanted = new ReportedValue(value.Value, value.Comment ?? old?.Value.Comment);
                if (old is null)
                {
                    Counts.Added++;
                }
                else if (old.Value.Value == wanted)
                {
                    Counts.Unchanged++;
                    continue;
                }
                else
                {
                    Counts.Changed++;
                }

                changes.Add((value, wanted, old));
            }

            if (changes.Count > 0 && await ClaimAsync(form.Key, existing, _bases[form.Key.BaseId].Code, cancellationToken) is { } id)
            {
                await WriteValuesAsync(id, form.Key.BaseId, form.Key.Year, changes, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Decides every changed form through the gate, writes the status steps and their audit rows, and refreshes the
    /// derived data. Reads every value of each year once, as this transaction now holds them with every imported row
    /// (<see cref="FormWarnings.YearAsync"/>), rather than per form.
    /// </summary>
    public async Task FinishAsync(IReadOnlyList<Indicator> activeIndicators, CancellationToken cancellationToken)
    {
        await _newValues.FlushAsync(cancellationToken);
        await _valueAudit.FlushAsync(cancellationToken);
        var activeIds = activeIndicators.Select(i => i.Id).ToList();
        YearValues? last = null;
        foreach (var year in _changed.Values.GroupBy(f => f.Year).OrderBy(g => g.Key))
        {
            // A year's values are read once, and serve as "the year before" for the next one.
            var formIds = _changed.Where(f => f.Value.Year == year.Key).Select(f => f.Key).ToList();
            var current = await _warnings.YearAsync(year.Key, cancellationToken: cancellationToken);
            var previous = last?.Year == year.Key - 1 ? last : await _warnings.YearAsync(year.Key - 1, cancellationToken: cancellationToken);
            last = current;
            var moves = new Dictionary<SubmissionStatus, List<int>>();
            foreach (var id in formIds.OrderBy(id => _bases[_changed[id].BaseId].Code, StringComparer.Ordinal))
            {
                var (baseId, _, before) = _changed[id];
                var problems = _warnings.SubmitProblems(FormWarnings.Context(_bases[baseId], current, previous), activeIds, current.Of(baseId));
                var decision = FormGate.Change(before, changed: true, _intent, problems.Count == 0);
                var from = before;
                foreach (var step in decision.Steps)
                {
                    await _statusAudit.AddAsync([id, baseId, year.Key, from, step], cancellationToken);
                    from = step;
                }

                // New forms were written as drafts; existing ones keep their status until decided here.
                var written = before ?? SubmissionStatus.Draft;
                var after = decision.FinalStatus(before) ?? SubmissionStatus.Draft;
                if (after != written)
                {
                    (moves.TryGetValue(after, out var list) ? list : moves[after] = []).Add(id);
                }

                Forms.Add(new ImportedForm(_bases[baseId].Code, year.Key, before, after, problems));
            }

            await MoveAsync(moves, cancellationToken);

            // The year's values are garbage now; the Server GC would keep their memory committed for the next year and
            // grow the process by ~100 MB over ten years. A compacting collection that returns it costs ~0.1 s a
            // year of 12,000 bases (docs/decisions/0014).
            if (current.Count > LargeYear)
            {
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }
        }

        await _statusAudit.FlushAsync(cancellationToken);
        await DerivedData.RefreshAsync(_db, _changed.Values.Select(f => f.BaseId), cancellationToken);
    }

    /// <summary>A year of more values than this is collected after its pass (below, the collection is not worth its pause).</summary>
    private const int LargeYear = 50_000;

    /// <summary>Every statement the writer may run, as the current provider's SQL (checked by the T-SQL parser in tests).</summary>
    internal IEnumerable<string> Statements() =>
    [
        _newForms.InsertReturningIdSql(nameof(Submission.Id)),
        _formClaims.UpdateSql(nameof(Submission.Id), nameof(Submission.Version)),
        _newValues.InsertSql(_newValues.RowsPerInsert),
        _newValues.InsertSql(1),
        _valueUpdates.UpdateSql(nameof(IndicatorValue.Id)),
        _valueAudit.InsertSql(_valueAudit.RowsPerInsert),
        _statusAudit.InsertSql(_statusAudit.RowsPerInsert),
    ];

    public void Dispose()
    {
        _newForms.Dispose();
        _formClaims.Dispose();
        _newValues.Dispose();
        _valueUpdates.Dispose();
        _valueAudit.Dispose();
        _statusAudit.Dispose();
    }

    /// <summary>
    /// The form's id once this import holds it: created as a draft, or an existing one claimed at the version read (and
    /// previewed). Null, with an error naming the form, when it is locked or changed since.
    /// </summary>
    private async Task<int?> ClaimAsync((int BaseId, int Year) key, StoredForm? existing, string code, CancellationToken cancellationToken)
    {
        if (existing is { } claimed && _changed.ContainsKey(claimed.Id))
        {
            return claimed.Id;
        }

        Seen[key] = existing?.Version;
        if (_previewed is not null && _previewed.GetValueOrDefault(key) != existing?.Version)
        {
            Errors.Add(new RowError(0, _text("Import.FormChanged", code, key.Year)));
            return null;
        }

        if (existing is not { } form)
        {
            var id = await _newForms.InsertReturningIdAsync(nameof(Submission.Id),
                [key.BaseId, key.Year, SubmissionStatus.Draft, _now, _now, Guid.NewGuid()], cancellationToken);
            _changed[id] = (key.BaseId, key.Year, null);
            return id;
        }

        if (SubmissionWorkflow.IsLocked(form.Status))
        {
            Errors.Add(new RowError(0, _text("Import.FormLocked", code, key.Year)));
            return null;
        }

        // The version read above must still be the stored one when the row is written (READ COMMITTED lets another
        // writer in between): the conditional update changes nothing otherwise.
        if (await _formClaims.UpdateAsync(nameof(Submission.Id), form.Id, nameof(Submission.Version), form.Version, [_now, Guid.NewGuid()],
                cancellationToken) == 0)
        {
            Errors.Add(new RowError(0, _text("Import.FormChanged", code, key.Year)));
            return null;
        }

        _changed[form.Id] = (key.BaseId, key.Year, form.Status);
        return form.Id;
    }

    private async Task WriteValuesAsync(int id, int baseId, int year, List<(ImportedValue Value, ReportedValue New, (int Id, ReportedValue Value)? Old)> changes,
        CancellationToken cancellationToken)
    {
        foreach (var (value, wanted, old) in changes)
        {
            if (old is { } stored)
            {
                await _valueUpdates.UpdateAsync(nameof(IndicatorValue.Id), stored.Id, [wanted.Value, wanted.Comment], cancellationToken);
            }
            else
            {
                await _newValues.AddAsync([id, value.Indicator.Id, wanted.Value, wanted.Comment], cancellationToken);
            }

            await _valueAudit.AddAsync([id, baseId, year, value.Indicator.Id, old?.Value.Value, wanted.Value, wanted.Comment], cancellationToken);
        }
    }

    /// <summary>Sets the decided statuses, a few statements per status rather than one per form.</summary>
    private async Task MoveAsync(Dictionary<SubmissionStatus, List<int>> moves, CancellationToken cancellationToken)
    {
        foreach (var (status, ids) in moves)
        {
            foreach (var chunk in ids.Chunk(2_000))
            {
                var forms = _db.Submissions.Where(s => chunk.Contains(s.Id));
                DateTime? approvedAt = status == SubmissionStatus.Approved ? _now : null;
                DateTime? submittedAt = _now;
                _ = status == SubmissionStatus.Draft
                    ? await forms.ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, status).SetProperty(s => s.ApprovedAtUtc, approvedAt), cancellationToken)
                    : await forms.ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, status).SetProperty(s => s.ApprovedAtUtc, approvedAt)
                        .SetProperty(s => s.SubmittedAtUtc, submittedAt), cancellationToken);
            }
        }
    }
}
