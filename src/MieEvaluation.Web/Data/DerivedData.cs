using MieEvaluation.Web.Data.Series;

namespace MieEvaluation.Web.Data;

/// <summary>
/// What every write of values or forms must bring up to date in its own transaction: the touched bases' packed series
/// (docs/decisions/0011) and the figures' data version (the caches' key). One pipeline for the model's saves
/// (<see cref="MieDbContext.SaveChangesAsync(bool, CancellationToken)"/>) and the bulk import alike; run again by a
/// retried attempt, since it only reads what the attempt wrote.
/// </summary>
public static class DerivedData
{
    public static async Task RefreshAsync(MieDbContext db, IEnumerable<int> baseIds, CancellationToken cancellationToken = default)
    {
        await BaseSeriesMaintenance.RebuildAsync(db, baseIds, cancellationToken);
        await FigureDataChangeInterceptor.BumpAsync(db, cancellationToken);
    }
}
