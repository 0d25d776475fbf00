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
/// nothing. Every row is checked as the form would check it, plus the rules across rows (<see cref="ImportCheck"/>).
/// Values enter as Submitted (or Approved by a reviewer who asks so), recorded in the audit trail with the importer and
/// the file name; unchanged values change nothing. The file is streamed in chunks, checked and written as it is read,
/// so memory stays bounded whatever its size; a wrong row anywhere rolls the whole import back.
/// </summary>
public sealed class ValueImportService(
    MieDbContext db, EvaluatorScope scope, FormWarnings formWarnings, ImportOptions options, TimeProvider clock,
    IStringLocalizer<SharedResource> localizer)
{
    /// <summary>Values checked, compared and written per round trip: bounds the memory and the IN lists.</summary>
    private const int Chunk = 5_000;

    public async Task<ImportAnalysis> AnalyseAsync(string path, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var check = await StartCheckAsync(user, cancellationToken);
        var counts = new ImportCounts();
        List<ImportedValue>? forWarnings = [];
        await foreach (var chunk in check.ChunksAsync(path, Chunk, cancellationToken))
        {
            var stored = await StoredForms.ReadAsync(db, chunk, cancellationToken);
            foreach (var value in chunk)
            {
                counts.Count(stored.ValueOf(value), value.Value);
            }

            forWarnings?.AddRange(chunk);
            if (forWarnings?.Count > options.MaxValuesWithWarnings)
            {
                forWarnings = null; // too many to list warnings usefully; the preview says so
            }
        }

        return check.HasErrors
            ? new ImportAnalysis(0, 0, 0, check.Errors, [], false)
            : new ImportAnalysis(counts.Added, counts.Changed, counts.Unchanged, [],
                forWarnings is null ? [] : await WarningsAsync(forWarnings), forWarnings is not null);
    }

    /// <summary>Commits the file if it is still free of errors; returns the analysis it committed (or refused on).</summary>
    /// <remarks>The warnings were shown in the preview; the commit re-checks the rules against the data as it is now.</remarks>
    public async Task<ImportAnalysis> CommitAsync(string path, string fileName, ClaimsPrincipal user, bool approve, CancellationToken cancellationToken = default)
    {
        var target = approve && user.IsInRole(Roles.Reviewer) ? SubmissionStatus.Approved : SubmissionStatus.Submitted;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var check = await StartCheckAsync(user, cancellationToken);
            using var writer = new ImportWriter(db, user, fileName, target, clock.GetUtcNow().UtcDateTime);
            await foreach (var chunk in check.ChunksAsync(path, Chunk, cancellationToken))
            {
                await writer.WriteAsync(chunk, cancellationToken);
            }

            var counts = writer.Counts;
            var analysis = check.HasErrors
                ? new ImportAnalysis(0, 0, 0, check.Errors, [], false)
                : new ImportAnalysis(counts.Added, counts.Changed, counts.Unchanged, [], [], false);
            if (!analysis.CanCommit)
            {
                await transaction.RollbackAsync(cancellationToken);
                return analysis;
            }

            await writer.FinishAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return analysis;
        });
    }

    private Task<ImportCheck> StartCheckAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ImportCheck.StartAsync(db, scope, user, clock.GetUtcNow().Year, (key, args) => localizer[key, args], cancellationToken);

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
