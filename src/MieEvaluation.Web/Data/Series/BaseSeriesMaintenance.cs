using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MieEvaluation.Domain.Evaluation;

namespace MieEvaluation.Web.Data.Series;

/// <summary>
/// Keeps <see cref="BaseSeries"/> equal to the values. A row is never patched: it is rebuilt from the base's values
/// as they are after the write, inside the write's transaction, so it cannot drift from them (docs/decisions/0011).
/// </summary>
public static class BaseSeriesMaintenance
{
    /// <summary>Bases rebuilt per round trip: bounds the IN lists and the memory of a bulk rebuild.</summary>
    private const int Chunk = 500;

    /// <summary>What a pending SaveChanges touches that the series hold: values and forms (their year and status).</summary>
    internal static PendingSeriesChange? Capture(ChangeTracker tracker)
    {
        List<IndicatorValue>? values = null;
        List<Submission>? submissions = null;
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case IndicatorValue value:
                    (values ??= []).Add(value);
                    break;
                case Submission submission:
                    (submissions ??= []).Add(submission);
                    break;
            }
        }

        return values is null && submissions is null ? null : new PendingSeriesChange(values ?? [], submissions ?? []);
    }

    /// <summary>Rebuilds the series of the given bases from their values as the database holds them now.</summary>
    public static async Task RebuildAsync(MieDbContext db, IEnumerable<int> baseIds, CancellationToken cancellationToken = default)
    {
        foreach (var chunk in baseIds.Distinct().Order().Chunk(Chunk))
        {
            var entries = (await db.IndicatorValues.AsNoTracking()
                    .Where(v => chunk.Contains(v.Submission.BaseId) && v.Value != null) // explained gaps are no figures
                    .Select(v => new { v.Submission.BaseId, v.Submission.Year, v.Submission.Status, v.IndicatorId, Value = v.Value!.Value })
                    .ToListAsync(cancellationToken))
                .ToLookup(v => v.BaseId, v => new SeriesEntry(v.Year, v.Status, v.IndicatorId, v.Value));
            await db.Set<BaseSeries>().Where(s => chunk.Contains(s.BaseId)).ExecuteDeleteAsync(cancellationToken);
            var rows = chunk.Where(entries.Contains).Select(id => new BaseSeries { BaseId = id, Data = SeriesPacking.Pack(entries[id]) }).ToList();
            db.Set<BaseSeries>().AddRange(rows);
            await db.SaveSeriesAsync(cancellationToken);
            foreach (var row in rows)
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }

    /// <summary>
    /// At start-up: builds the series of every base that has values but no series row (a database from before the
    /// series existed, or loaded by a tool). Cheap when nothing is missing: one query.
    /// </summary>
    public static async Task RebuildMissingAsync(MieDbContext db, CancellationToken cancellationToken = default)
    {
        var missing = await db.Submissions.AsNoTracking()
            .Where(s => s.Values.Any() && !db.Set<BaseSeries>().Any(x => x.BaseId == s.BaseId))
            .Select(s => s.BaseId).Distinct().ToListAsync(cancellationToken);
        if (missing.Count > 0)
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                await RebuildAsync(db, missing, token);
                await FigureDataChangeInterceptor.BumpAsync(db, token);
                await transaction.CommitAsync(token);
            }, cancellationToken);
        }
    }
}

/// <summary>The values and forms a SaveChanges wrote; after it, their bases are known (new forms have their ids).</summary>
internal sealed record PendingSeriesChange(List<IndicatorValue> Values, List<Submission> Submissions)
{
    public async Task<IReadOnlyCollection<int>> BaseIdsAsync(MieDbContext db, CancellationToken cancellationToken)
    {
        var bases = Submissions.Select(s => s.BaseId).ToHashSet();
        var unknown = new HashSet<int>();
        foreach (var value in Values)
        {
            if (value.Submission is { BaseId: > 0 } submission)
            {
                bases.Add(submission.BaseId);
            }
            else
            {
                unknown.Add(value.SubmissionId);
            }
        }

        if (unknown.Count > 0)
        {
            bases.UnionWith(await db.Submissions.AsNoTracking().Where(s => unknown.Contains(s.Id)).Select(s => s.BaseId).ToListAsync(cancellationToken));
        }

        return bases;
    }
}
