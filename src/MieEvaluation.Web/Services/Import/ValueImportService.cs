using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Localization;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Forms;

namespace MieEvaluation.Web.Services.Import;

/// <summary>What an import would do (or did): counts, every row error with its line, and each changed form's outcome.</summary>
/// <remarks>
/// <c>Warnings</c>: Localised lines: why forms stay drafts (values imports), or notes of a registry import.<br/>
/// <c>Forms</c>: Each changed form with its status before and after and why it was not submitted (values imports).<br/>
/// <c>Seen</c>: The version of each changed form when it was previewed, for the confirmation to check.<br/>
/// </remarks>
public sealed record ImportAnalysis(int NewValues, int ChangedValues, int UnchangedValues, IReadOnlyList<RowError> Errors,
    IReadOnlyList<string> Warnings, IReadOnlyList<ImportedForm>? Forms = null,
    IReadOnlyDictionary<(int BaseId, int Year), Guid?>? Seen = null)
{
    public bool CanCommit => Errors.Count == 0 && NewValues + ChangedValues > 0;
}

/// <summary>
/// Imports yearly values from CSV (long or wide) through the one gate: every row is checked as the form checks it,
/// plus the rules across rows (<see cref="ImportCheck"/>); values and comments are written in bulk, every changed form
/// is then submitted (or approved, by a reviewer who asks) only if it passes the submit rules, and stays a draft
/// otherwise (<see cref="ImportWriter"/>). All or nothing, in one transaction. The preview is the same run, rolled back:
/// it says exactly what the confirmation will do, and the confirmation refuses any form changed since the preview.
/// </summary>
public sealed class ValueImportService(
    MieDbContext db, EvaluatorScope scope, FormWarnings formWarnings, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>Values checked, compared and written per round trip: bounds the memory and the IN lists.</summary>
    private const int Chunk = 5_000;

    /// <summary>Form problems listed as text; past this the preview counts them only.</summary>
    private const int MaxListedProblems = 1_000;

    /// <summary>Reviewers may approve what they import (historical data); for anyone else <c>approve</c> is ignored.</summary>
    public static bool MayApprove(ClaimsPrincipal user) => user.IsInRole(Roles.Reviewer);

    /// <summary>What committing the file now would do, as the intent of an evaluator's import (submit if ready).</summary>
    public Task<ImportAnalysis> AnalyseAsync(string path, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        RunAsync(path, "preview", user, approve: false, previewed: null, commit: false, cancellationToken);

    /// <summary>Commits the file if it is still free of errors and, when <paramref name="previewed"/> is given, every form it changes is as previewed.</summary>
    public Task<ImportAnalysis> CommitAsync(string path, string fileName, ClaimsPrincipal user, bool approve,
        IReadOnlyDictionary<(int BaseId, int Year), Guid?>? previewed = null, CancellationToken cancellationToken = default) =>
        RunAsync(path, fileName, user, approve, previewed, commit: true, cancellationToken);

    private Task<ImportAnalysis> RunAsync(string path, string fileName, ClaimsPrincipal user, bool approve,
        IReadOnlyDictionary<(int BaseId, int Year), Guid?>? previewed, bool commit, CancellationToken cancellationToken)
    {
        var intent = approve && MayApprove(user) ? FormIntent.ApproveIfReady : FormIntent.SubmitIfReady;
        Messages text = (key, args) => localizer[key, args];
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var check = await ImportCheck.StartAsync(db, scope, user, clock.GetUtcNow().Year, text, token);
            var bases = await db.Bases.AsNoTracking().ToDictionaryAsync(b => b.Id, token);
            using var writer = new ImportWriter(db, formWarnings, bases, user, fileName, intent, clock.GetUtcNow().UtcDateTime, text, previewed);
            await foreach (var chunk in check.ChunksAsync(path, Chunk, token))
            {
                await writer.WriteAsync(chunk, token);
                if (writer.Errors.Count > 0)
                {
                    break;
                }
            }

            var errors = check.Errors.Concat(writer.Errors).ToList();
            var counts = writer.Counts;
            if (errors.Count > 0 || counts.Added + counts.Changed == 0)
            {
                await transaction.RollbackAsync(token);
                return errors.Count > 0
                    ? new ImportAnalysis(0, 0, 0, errors, [])
                    : new ImportAnalysis(0, 0, counts.Unchanged, [], [], []);
            }

            var indicators = await db.Indicators.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.DisplayOrder).ToListAsync(token);
            await writer.FinishAsync(indicators, token);
            if (commit)
            {
                await transaction.CommitAsync(token);
            }
            else
            {
                await transaction.RollbackAsync(token);
            }

            return new ImportAnalysis(counts.Added, counts.Changed, counts.Unchanged, [], ProblemLines(writer.Forms, indicators), writer.Forms, writer.Seen);
        }, cancellationToken);
    }

    /// <summary>Why each form that is not ready stays a draft, one line a problem, in the user's language.</summary>
    /// <remarks>Problems are only ever about the active indicators the submit rules checked.</remarks>
    private List<string> ProblemLines(IReadOnlyList<ImportedForm> forms, IReadOnlyList<Indicator> activeIndicators)
    {
        var names = activeIndicators.ToDictionary(i => i.Id, i => LocalizerExtensions.Pick(i.NameZh, i.NameEn));
        return forms.Where(f => !f.Ready)
            .SelectMany(f => f.Problems.Select(p => localizer["Import.FormProblem", f.BaseCode, f.Year, localizer.SubmitProblem(p.Kind, names[p.IndicatorId])].Value))
            .Take(MaxListedProblems).ToList();
    }
}
