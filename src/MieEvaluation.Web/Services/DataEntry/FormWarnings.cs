using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Services.DataEntry;

/// <summary>What the warnings of one base's form compare against: its own values of last year and its peers' this year.</summary>
public sealed record WarningContext(IReadOnlyDictionary<int, decimal> PreviousYear, ILookup<int, decimal> PeerValues);

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
        var peersByType = new Dictionary<BaseType, List<(int BaseId, int IndicatorId, decimal Value)>>();
        foreach (var type in bases.Select(b => b.Type).Distinct())
        {
            peersByType[type] = (await db.IndicatorValues.AsNoTracking()
                    .Where(v => v.Submission.Year == year && v.Submission.Base.Type == type)
                    .Select(v => new { v.Submission.BaseId, v.IndicatorId, v.Value }).ToListAsync())
                .Select(v => (v.BaseId, v.IndicatorId, v.Value)).ToList();
        }

        // A base is never its own peer.
        return bases.ToDictionary(b => b.Id, b => new WarningContext(
            previous[b.Id].ToDictionary(v => v.IndicatorId, v => v.Value),
            peersByType[b.Type].Where(p => p.BaseId != b.Id).ToLookup(p => p.IndicatorId, p => p.Value)));
    }

    public IReadOnlyList<ValueWarning> For(WarningContext context, int indicatorId, decimal? value) =>
        ValueChecks.Warnings(value,
            context.PreviousYear.TryGetValue(indicatorId, out var previous) ? previous : null,
            context.PeerValues[indicatorId].ToList());
}
