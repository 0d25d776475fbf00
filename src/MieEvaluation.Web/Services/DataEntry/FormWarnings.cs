using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Services.DataEntry;

/// <summary>What the warnings of one base's form compare against: its own values of last year and its peers' this year.</summary>
public sealed record WarningContext(IReadOnlyDictionary<int, decimal> PreviousYear, ILookup<int, decimal> PeerValues);

/// <summary>Loads the comparison data of a form in two queries and applies <see cref="ValueChecks"/> per value.</summary>
public sealed class FormWarnings(MieDbContext db)
{
    public async Task<WarningContext> ContextAsync(DemonstrationBase found, int year)
    {
        var previous = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.Submission.BaseId == found.Id && v.Submission.Year == year - 1)
            .Select(v => new { v.IndicatorId, v.Value }).ToDictionaryAsync(v => v.IndicatorId, v => v.Value);
        var peers = (await db.IndicatorValues.AsNoTracking()
                .Where(v => v.Submission.Year == year && v.Submission.Base.Type == found.Type && v.Submission.BaseId != found.Id)
                .Select(v => new { v.IndicatorId, v.Value }).ToListAsync())
            .ToLookup(v => v.IndicatorId, v => v.Value);
        return new WarningContext(previous, peers);
    }

    public IReadOnlyList<ValueWarning> For(WarningContext context, int indicatorId, decimal? value) =>
        ValueChecks.Warnings(value,
            context.PreviousYear.TryGetValue(indicatorId, out var previous) ? previous : null,
            context.PeerValues[indicatorId].ToList());
}
