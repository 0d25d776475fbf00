using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Services.DataEntry;

/// <summary>
/// What the warnings of one base's form compare against: its own values of last year, and this year's values of the
/// bases of its type by indicator — shared by every form of that type; the base itself is left out when checking.
/// </summary>
public sealed record WarningContext(int BaseId, IReadOnlyDictionary<int, decimal> PreviousYear, ILookup<int, (int BaseId, decimal Value)> TypeValues);

/// <summary>Loads the comparison data of forms and applies <see cref="ValueChecks"/> per value.</summary>
public sealed class FormWarnings(MieDbContext db)
{
    public async Task<WarningContext> ContextAsync(DemonstrationBase found, int year) =>
        (await ContextsAsync([found], year))[found.Id];

    /// <summary>
    /// The contexts of several forms of one year at once: one query for their last-year values and one per base type
    /// for the year's values, instead of two queries per form (the reviewer's list shows up to a page of forms).
    /// </summary>
    public async Task<IReadOnlyDictionary<int, WarningContext>> ContextsAsync(IReadOnlyCollection<DemonstrationBase> bases, int year)
    {
        var ids = bases.Select(b => b.Id).ToList();
        var previous = (await db.IndicatorValues.AsNoTracking()
                .Where(v => ids.Contains(v.Submission.BaseId) && v.Submission.Year == year - 1)
                .Select(v => new { v.Submission.BaseId, v.IndicatorId, v.Value }).ToListAsync())
            .ToLookup(v => v.BaseId);
        var byType = new Dictionary<BaseType, ILookup<int, (int BaseId, decimal Value)>>();
        foreach (var type in bases.Select(b => b.Type).Distinct())
        {
            byType[type] = (await db.IndicatorValues.AsNoTracking()
                    .Where(v => v.Submission.Year == year && v.Submission.Base.Type == type)
                    .Select(v => new { v.Submission.BaseId, v.IndicatorId, v.Value }).ToListAsync())
                .ToLookup(v => v.IndicatorId, v => (v.BaseId, v.Value));
        }

        return bases.ToDictionary(b => b.Id, b => new WarningContext(
            b.Id, previous[b.Id].ToDictionary(v => v.IndicatorId, v => v.Value), byType[b.Type]));
    }

    /// <remarks>A base is never its own peer.</remarks>
    public IReadOnlyList<ValueWarning> For(WarningContext context, int indicatorId, decimal? value) =>
        ValueChecks.Warnings(value,
            context.PreviousYear.TryGetValue(indicatorId, out var previous) ? previous : null,
            context.TypeValues[indicatorId].Where(p => p.BaseId != context.BaseId).Select(p => p.Value).ToList());
}
