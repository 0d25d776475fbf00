using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Domain.Statistics;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Services.Forms;

/// <summary>
/// What the warnings of one base's form compare against: its own values of last year, and this year's values of the
/// bases of its type by indicator (shared by every form of that type) with the base's own stored values, which are
/// left out of its peers when checking.
/// </summary>
public sealed record WarningContext(
    int BaseId,
    IReadOnlyDictionary<int, decimal> PreviousYear,
    IReadOnlyDictionary<int, PeerDistribution> TypeValues,
    IReadOnlyDictionary<int, decimal> OwnStored);

/// <summary>
/// Loads the comparison data of forms and applies <see cref="ValueChecks"/> per value and <see cref="SubmitRules"/> per
/// form. The form page, the reviewer's list and the import's submit decisions all read their warnings here.
/// </summary>
public sealed class FormWarnings(MieDbContext db)
{
    private static readonly PeerDistribution NoPeers = new([]);

    public async Task<WarningContext> ContextAsync(DemonstrationBase found, int year, CancellationToken cancellationToken = default) =>
        (await ContextsAsync([found], year, cancellationToken))[found.Id];

    /// <summary>
    /// The contexts of several forms of one year at once: one query for their last-year values and one per base type
    /// for the year's values, instead of two queries per form (a page of the reviewer's list, or every form an import
    /// touched). The values are read as the database holds them now — inside an import's transaction, with its rows.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, WarningContext>> ContextsAsync(IReadOnlyCollection<DemonstrationBase> bases, int year,
        CancellationToken cancellationToken = default)
    {
        var ids = bases.Select(b => b.Id).ToList();
        var previous = (await db.IndicatorValues.AsNoTracking()
                .Where(v => ids.Contains(v.Submission.BaseId) && v.Submission.Year == year - 1 && v.Value != null)
                .Select(v => new { v.Submission.BaseId, v.IndicatorId, Value = v.Value!.Value }).ToListAsync(cancellationToken))
            .ToLookup(v => v.BaseId);
        var wanted = ids.ToHashSet();
        var byType = new Dictionary<BaseType, IReadOnlyDictionary<int, PeerDistribution>>();
        var own = new Dictionary<int, Dictionary<int, decimal>>();
        foreach (var type in bases.Select(b => b.Type).Distinct())
        {
            var values = await db.IndicatorValues.AsNoTracking()
                .Where(v => v.Submission.Year == year && v.Submission.Base.Type == type && v.Value != null)
                .Select(v => new { v.Submission.BaseId, v.IndicatorId, Value = v.Value!.Value }).ToListAsync(cancellationToken);
            byType[type] = values.GroupBy(v => v.IndicatorId).ToDictionary(g => g.Key, g => new PeerDistribution(g.Select(v => v.Value)));
            foreach (var value in values.Where(v => wanted.Contains(v.BaseId)))
            {
                (own.TryGetValue(value.BaseId, out var mine) ? mine : own[value.BaseId] = []).Add(value.IndicatorId, value.Value);
            }
        }

        return bases.ToDictionary(b => b.Id, b => new WarningContext(
            b.Id,
            previous[b.Id].ToDictionary(v => v.IndicatorId, v => v.Value),
            byType[b.Type],
            own.GetValueOrDefault(b.Id) ?? new Dictionary<int, decimal>()));
    }

    /// <remarks>A base is never its own peer: its stored value is left out of the group.</remarks>
    public IReadOnlyList<ValueWarning> For(WarningContext context, int indicatorId, decimal? value) =>
        ValueChecks.Warnings(value,
            context.PreviousYear.TryGetValue(indicatorId, out var previous) ? previous : null,
            context.TypeValues.GetValueOrDefault(indicatorId) ?? NoPeers,
            context.OwnStored.TryGetValue(indicatorId, out var stored) ? stored : null);

    /// <summary>What keeps the form, with <paramref name="values"/>, from being submitted (empty: it may be).</summary>
    public IReadOnlyList<SubmitProblem> SubmitProblems(WarningContext context, IEnumerable<int> activeIndicatorIds,
        IReadOnlyDictionary<int, ReportedValue> values) =>
        SubmitRules.Problems(activeIndicatorIds, values, (indicatorId, value) => For(context, indicatorId, value));
}
