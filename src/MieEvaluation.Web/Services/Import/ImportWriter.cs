using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Data.Bulk;
using MieEvaluation.Web.Data.Series;

namespace MieEvaluation.Web.Services.Import;

/// <summary>What an import found against the stored values: new, changed and unchanged values.</summary>
internal sealed class ImportCounts
{
    public int Added { get; set; }

    public int Changed { get; set; }

    public int Unchanged { get; set; }

    public void Count(decimal? stored, decimal value)
    {
        if (stored is null)
        {
            Added++;
        }
        else if (stored == value)
        {
            Unchanged++;
        }
        else
        {
            Changed++;
        }
    }
}

/// <summary>The forms and stored values a chunk of imported values meets, read in two queries.</summary>
internal sealed record StoredForms(
    Dictionary<(int BaseId, int Year), (int Id, SubmissionStatus Status)> Forms,
    Dictionary<(int SubmissionId, int IndicatorId), (int Id, decimal Value, string? Comment)> Values)
{
    public static async Task<StoredForms> ReadAsync(MieDbContext db, IReadOnlyCollection<ImportedValue> chunk, CancellationToken cancellationToken)
    {
        var baseIds = chunk.Select(v => v.BaseId).Distinct().ToList();
        var years = chunk.Select(v => v.Year).Distinct().ToList();
        var forms = await db.Submissions.AsNoTracking()
            .Where(s => baseIds.Contains(s.BaseId) && years.Contains(s.Year))
            .Select(s => new { s.Id, s.BaseId, s.Year, s.Status })
            .ToDictionaryAsync(s => (s.BaseId, s.Year), s => (s.Id, s.Status), cancellationToken);
        var ids = forms.Values.Select(f => f.Id).ToList();
        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => ids.Contains(v.SubmissionId))
            .Select(v => new { v.Id, v.SubmissionId, v.IndicatorId, v.Value, v.Comment })
            .ToDictionaryAsync(v => (v.SubmissionId, v.IndicatorId), v => (v.Id, v.Value, v.Comment), cancellationToken);
        return new StoredForms(forms, values);
    }

    public decimal? ValueOf(ImportedValue value) =>
        Forms.TryGetValue((value.BaseId, value.Year), out var form) && Values.TryGetValue((form.Id, value.Indicator.Id), out var stored)
            ? stored.Value
            : null;
}

/// <summary>
/// Writes checked values chunk by chunk inside the import's transaction: forms created or moved to the target status,
/// values inserted or updated, one audit row per changed value and per form, all through prepared multi-row
/// statements (<see cref="ModelRowWriter"/>) rather than change tracking, which cannot hold 1.44 million values in
/// 300 MB. At the end the touched bases' series are rebuilt and the figures' data version moves on.
/// </summary>
internal sealed class ImportWriter : IDisposable
{
    private readonly MieDbContext _db;
    private readonly SubmissionStatus _target;
    private readonly DateTime _now;
    private readonly HashSet<int> _touchedBases = [];

    // Forms this import already moved to the target status: a form whose rows straddle two chunks is moved and
    // audited once.
    private readonly HashSet<int> _movedForms = [];
    private readonly ModelRowWriter _newForms;
    private readonly ModelRowWriter _formUpdates;
    private readonly ModelRowWriter _newValues;
    private readonly ModelRowWriter _valueUpdates;
    private readonly ModelRowWriter _valueAudit;
    private readonly ModelRowWriter _statusAudit;

    public ImportWriter(MieDbContext db, ClaimsPrincipal user, string sourceName, SubmissionStatus target, DateTime now)
    {
        _db = db;
        _target = target;
        _now = now;
        _newForms = new ModelRowWriter(db, typeof(Submission), [nameof(Submission.BaseId), nameof(Submission.Year), nameof(Submission.Status),
            nameof(Submission.CreatedAtUtc), nameof(Submission.UpdatedAtUtc), nameof(Submission.SubmittedAtUtc), nameof(Submission.ApprovedAtUtc),
            nameof(Submission.Version)]);
        _formUpdates = new ModelRowWriter(db, typeof(Submission), [nameof(Submission.Status), nameof(Submission.UpdatedAtUtc),
            nameof(Submission.SubmittedAtUtc), nameof(Submission.ApprovedAtUtc), nameof(Submission.Version)]);
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

    public async Task WriteAsync(List<ImportedValue> chunk, CancellationToken cancellationToken)
    {
        var stored = await StoredForms.ReadAsync(_db, chunk, cancellationToken);
        foreach (var form in chunk.GroupBy(v => (v.BaseId, v.Year)))
        {
            var changes = new List<(ImportedValue Value, (int Id, decimal Value, string? Comment)? Old)>();
            stored.Forms.TryGetValue(form.Key, out var existing);
            foreach (var value in form)
            {
                (int Id, decimal Value, string? Comment)? old = existing.Id != 0 && stored.Values.TryGetValue((existing.Id, value.Indicator.Id), out var found) ? found : null;
                Counts.Count(old?.Value, value.Value);
                if (old?.Value != value.Value)
                {
                    changes.Add((value, old));
                }
            }

            if (changes.Count > 0)
            {
                await WriteFormAsync(form.Key.BaseId, form.Key.Year, existing, changes, cancellationToken);
            }
        }
    }

    /// <summary>Writes what is queued, rebuilds the touched bases' series and moves the data version on.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        await _newValues.FlushAsync(cancellationToken);
        await _valueAudit.FlushAsync(cancellationToken);
        await _statusAudit.FlushAsync(cancellationToken);
        await BaseSeriesMaintenance.RebuildAsync(_db, _touchedBases, cancellationToken);
        await FigureDataChangeInterceptor.BumpAsync(_db, cancellationToken);
    }

    /// <summary>Every statement the writer may run, as the current provider's SQL (checked by the T-SQL parser in tests).</summary>
    internal IEnumerable<string> Statements() =>
    [
        _newForms.InsertReturningIdSql(nameof(Submission.Id)),
        _formUpdates.UpdateSql(nameof(Submission.Id)),
        _newValues.InsertSql(_newValues.RowsPerInsert),
        _newValues.InsertSql(1),
        _valueUpdates.UpdateSql(nameof(IndicatorValue.Id)),
        _valueAudit.InsertSql(_valueAudit.RowsPerInsert),
        _statusAudit.InsertSql(_statusAudit.RowsPerInsert),
    ];

    public void Dispose()
    {
        _newForms.Dispose();
        _formUpdates.Dispose();
        _newValues.Dispose();
        _valueUpdates.Dispose();
        _valueAudit.Dispose();
        _statusAudit.Dispose();
    }

    private async Task WriteFormAsync(int baseId, int year, (int Id, SubmissionStatus Status) existing,
        List<(ImportedValue Value, (int Id, decimal Value, string? Comment)? Old)> changes, CancellationToken cancellationToken)
    {
        var approvedAt = _target == SubmissionStatus.Approved ? (DateTime?)_now : null;
        int id;
        SubmissionStatus? oldStatus;
        if (existing.Id == 0)
        {
            id = await _newForms.InsertReturningIdAsync(nameof(Submission.Id),
                [baseId, year, _target, _now, _now, _now, approvedAt, Guid.NewGuid()], cancellationToken);
            oldStatus = null;
        }
        else
        {
            id = existing.Id;
            oldStatus = existing.Status;
            if (!_movedForms.Contains(id))
            {
                await _formUpdates.UpdateAsync(nameof(Submission.Id), id, [_target, _now, _now, approvedAt, Guid.NewGuid()], cancellationToken);
            }
        }

        _touchedBases.Add(baseId);
        foreach (var (value, old) in changes)
        {
            if (old is { } stored)
            {
                await _valueUpdates.UpdateAsync(nameof(IndicatorValue.Id), stored.Id, [value.Value, value.Comment ?? stored.Comment], cancellationToken);
            }
            else
            {
                await _newValues.AddAsync([id, value.Indicator.Id, value.Value, value.Comment], cancellationToken);
            }

            await _valueAudit.AddAsync([id, baseId, year, value.Indicator.Id, old?.Value, value.Value, value.Comment], cancellationToken);
        }

        if (_movedForms.Add(id))
        {
            await _statusAudit.AddAsync([id, baseId, year, oldStatus, _target], cancellationToken);
        }
    }
}
