using Microsoft.EntityFrameworkCore;
using MieEvaluation.Web.Setup;

namespace MieEvaluation.Web.Data;

/// <summary>
/// Keeps demo data and real data apart. A new database is marked with the kind of the start that created it; demo
/// mode then refuses every database not marked as a demo one (before migrating it), and a normal start refuses a
/// demo database, so generated figures can never pass for real ones.
/// </summary>
internal static class DatabaseKindGuard
{
    public static async Task CheckBeforeMigrationAsync(MieDbContext db, ResolvedDatabaseConnection connection)
    {
        if (!connection.IsDemo || connection.Provider != DatabaseProvider.Sqlite || !File.Exists(connection.Description) ||
            new FileInfo(connection.Description).Length == 0)
        {
            return;
        }

        // An existing file: it must already say it is a demo database. Any other file is refused untouched.
        var kind = await ReadKindAsync(db);
        if (kind != DatabaseKind.Demo)
        {
            throw new StartupConfigurationException(
                $"Demo mode refuses to use '{connection.Description}' (setting Demo:SqlitePath): it is not a demo database.");
        }
    }

    public static async Task MarkAsync(MieDbContext db, ResolvedDatabaseConnection connection)
    {
        var wanted = connection.IsDemo ? DatabaseKind.Demo : DatabaseKind.Real;
        var marker = await db.DatabaseMarkers.AsNoTracking().OrderBy(m => m.Id).FirstOrDefaultAsync();
        if (marker is null)
        {
            // A database from before the marker existed that already holds accounts is real, whatever this start is.
            var kind = !connection.IsDemo || !await db.Users.AnyAsync() ? wanted : DatabaseKind.Real;
            db.DatabaseMarkers.Add(new DatabaseMarker { Kind = kind, CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            marker = new DatabaseMarker { Kind = kind };
        }

        if (marker.Kind != wanted)
        {
            throw new StartupConfigurationException(connection.IsDemo
                ? $"Demo mode refuses to use '{connection.Description}' (setting Demo:SqlitePath): it is not a demo database."
                : $"'{connection.Description}' is a demo database; start with --demo, or point Database:SqlitePath at a real database.");
        }
    }

    private static async Task<DatabaseKind?> ReadKindAsync(MieDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"Kind\" FROM \"DatabaseMarkers\" LIMIT 1";
            var value = await command.ExecuteScalarAsync();
            return value is string text && Enum.TryParse<DatabaseKind>(text, out var kind) ? kind : null;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return null; // no marker table: not a database this app marked as a demo
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
