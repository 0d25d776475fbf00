using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;

namespace MieEvaluation.Web.Data;

/// <summary>
/// Increments <see cref="DataVersion"/> after every SaveChanges that added, changed or removed registry data the figures
/// read: bases, provinces and indicators. Values and forms (their status decides what counts) move it through
/// <see cref="DerivedData"/>, by the context's save and by the bulk import alike.
/// </summary>
/// <remarks>
/// The bump runs after the commit. A reader that read the old version and the old data may store its result under
/// the old version, which nobody asks for once the bump is done; so no reader can be served figures older than its
/// own request.
/// </remarks>
public sealed class FigureDataChangeInterceptor : SaveChangesInterceptor
{
    // Values and forms move the version through DerivedData, with their series; these are what else the figures read.
    private static readonly Type[] FigureEntities = [typeof(DemonstrationBase), typeof(Province), typeof(Indicator)];

    private readonly ConditionalWeakTable<DbContext, object> _pending = new();

    public static Task BumpAsync(DbContext db, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlRawAsync(
            "UPDATE \"DataVersions\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = 1", cancellationToken);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _pending.Remove(db))
        {
            await BumpAsync(db, cancellationToken);
        }

        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db && _pending.Remove(db))
        {
            BumpAsync(db).GetAwaiter().GetResult();
        }

        return base.SavedChanges(eventData, result);
    }

    private void Remember(DbContext? db)
    {
        if (db is not null && db.ChangeTracker.Entries().Any(AffectsFigures))
        {
            _pending.AddOrUpdate(db, new object());
        }
    }

    private static bool AffectsFigures(EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted &&
        FigureEntities.Contains(entry.Metadata.ClrType);
}
