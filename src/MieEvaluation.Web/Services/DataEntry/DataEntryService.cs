using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Data;
using Microsoft.AspNetCore.Authorization;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Forms;
using MieEvaluation.Web.ViewModels.DataEntry;

namespace MieEvaluation.Web.Services.DataEntry;

/// <summary>
/// What the data-entry pages read: the yearly form of a base with last year's values and warnings, the evaluator's
/// forms, the reviewer's list. Every write goes through <see cref="YearlyFormGate"/>.
/// </summary>
public sealed class DataEntryService(MieDbContext db, EvaluatorScope scope, FormWarnings warnings, IAuthorizationService authorization, TimeProvider clock)
{
    public async Task<DemonstrationBase?> FindBaseAsync(string code) =>
        await db.Bases.AsNoTracking().SingleOrDefaultAsync(b => b.Code == BaseCodes.Canonical(code));

    /// <summary>Whether a form can exist for the base and year: an active base, from its batch year to this year.</summary>
    public bool IsOpenYear(DemonstrationBase found, int year) =>
        found.IsActive && year >= found.BatchYear && year <= clock.GetUtcNow().Year;

    public async Task<bool> CanWriteAsync(ClaimsPrincipal user, DemonstrationBase found, int year) =>
        (await authorization.AuthorizeAsync(user, new BaseYear(found.Id, year), BaseOperations.Write)).Succeeded;

    public async Task<bool> CanViewAsync(ClaimsPrincipal user, DemonstrationBase found, int year) =>
        (await authorization.AuthorizeAsync(user, new BaseYear(found.Id, year), BaseOperations.ReadForm)).Succeeded;

    /// <summary>The form as stored, or with <paramref name="posted"/> texts shown instead (after a refused save).</summary>
    public async Task<YearlyFormPage> LoadAsync(ClaimsPrincipal user, DemonstrationBase found, int year, YearlyFormInput? posted = null)
    {
        var indicators = await ActiveIndicatorsAsync();
        var submission = await db.Submissions.AsNoTracking().Include(s => s.Values)
            .SingleOrDefaultAsync(s => s.BaseId == found.Id && s.Year == year);
        var stored = submission?.Values.ToDictionary(v => v.IndicatorId) ?? [];
        var values = posted is null
            ? indicators.ToDictionary(i => i.Id, i => stored.TryGetValue(i.Id, out var v) ? v.Value : null)
            : Parse(posted, indicators);
        var context = await warnings.ContextAsync(found, year);
        var rows = indicators.Select(i => new FormRow(
            i,
            posted is null ? Format(values[i.Id], i) : posted.Values.GetValueOrDefault(i.Code),
            posted is null ? stored.GetValueOrDefault(i.Id)?.Comment : posted.Comments.GetValueOrDefault(i.Code),
            context.PreviousYear.GetValueOrDefault(i.Id).Value,
            warnings.For(context, i.Id, values[i.Id]))).ToList();

        var canEdit = await CanWriteAsync(user, found, year) && submission?.Status != SubmissionStatus.Approved;
        var canReview = (await authorization.AuthorizeAsync(user, new BaseYear(found.Id, year), BaseOperations.Review)).Succeeded;
        return new YearlyFormPage(found.Code, found.NameZh, found.NameEn, year, submission?.Status, submission?.Version, rows,
            await AuditAsync(found.Id, year), canEdit, canReview);
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
    public async Task<IReadOnlyList<ReviewRow>> SubmittedAsync(int year, int page, int pageSize = ReviewPageSize)
    {
        var forms = await Submitted(year).Include(s => s.Base).Include(s => s.Values).OrderBy(s => s.Base.Code)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync();
        var contexts = await warnings.ContextsAsync(forms.Select(f => f.Base).ToList(), year);
        return forms.Select(form => new ReviewRow(form.Id, form.Version, form.Base.Code, form.Base.NameZh, form.Base.NameEn,
            form.Values.Sum(v => warnings.For(contexts[form.BaseId], v.IndicatorId, v.Value).Count), form.SubmittedAtUtc)).ToList();
    }

    private IQueryable<Submission> Submitted(int year) =>
        db.Submissions.AsNoTracking().Where(s => s.Year == year && s.Status == SubmissionStatus.Submitted);

    public async Task<List<Indicator>> ActiveIndicatorsAsync() =>
        await db.Indicators.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.DisplayOrder).ToListAsync();

    private async Task<List<AuditLine>> AuditAsync(int baseId, int year) =>
        await db.AuditEntries.AsNoTracking().Where(a => a.BaseId == baseId && a.Year == year).AsLines(db).ToListAsync();

    private static Dictionary<int, decimal?> Parse(YearlyFormInput input, IReadOnlyList<Indicator> indicators) =>
        input.ToReported(indicators).ToDictionary(v => v.Key, v => v.Value.Value);

    private static string? Format(decimal? value, Indicator indicator) =>
        value?.ToString($"F{indicator.Decimals}", System.Globalization.CultureInfo.InvariantCulture);

}

/// <summary>A base in the evaluator's list, with its form's status (null: not started).</summary>
public sealed record MyFormRow(string Code, string NameZh, string NameEn, SubmissionStatus? Status);

/// <summary>A submitted form in the reviewer's list, with the number of warnings its values raise.</summary>
public sealed record ReviewRow(int SubmissionId, Guid Version, string Code, string NameZh, string NameEn, int OpenWarnings, DateTime? SubmittedAtUtc);
