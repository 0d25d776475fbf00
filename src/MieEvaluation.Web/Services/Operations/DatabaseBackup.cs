using Microsoft.Data.Sqlite;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Setup;

namespace MieEvaluation.Web.Services.Operations;

/// <summary>
/// A consistent copy of the SQLite database taken while the app runs, through SQLite's online backup API: readers
/// and writers go on, and the copy is one point in time. SQL Server is backed up with its own tools
/// (docs/operations.md).
/// </summary>
public sealed class DatabaseBackup(ResolvedDatabaseConnection connection, IWebHostEnvironment environment)
{
    public bool IsAvailable => connection.Provider == DatabaseProvider.Sqlite;

    /// <summary>Writes the backup to a new temporary file and returns its path; the caller deletes it.</summary>
    public async Task<string> CreateAsync(CancellationToken cancellationToken = default)
    {
        if (!IsAvailable)
        {
            throw new InvalidOperationException("Online backup is for the SQLite provider.");
        }

        var folder = Directory.CreateDirectory(Path.Combine(environment.ContentRootPath, "data", "backups")).FullName;
        var path = Path.Combine(folder, $"mie-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.db");
        await using var source = new SqliteConnection(connection.ConnectionString);
        await source.OpenAsync(cancellationToken);
        await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await target.OpenAsync(cancellationToken);
        source.BackupDatabase(target);
        return path;
    }
}
