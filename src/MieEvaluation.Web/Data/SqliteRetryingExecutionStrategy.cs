using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MieEvaluation.Web.Data;

/// <summary>
/// Retries an operation that SQLite refused because another connection held the database (SQLITE_BUSY, SQLITE_LOCKED)
/// past the busy timeout — the embedded database's transient failure, as SQL Server's retrying strategy handles its
/// own. Writes run their whole attempt inside the strategy (<see cref="Services.Forms.FormWritePipeline"/>), so a retry
/// re-applies the change from scratch.
/// </summary>
public sealed class SqliteRetryingExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(2))
{
    private const int Busy = 5;
    private const int Locked = 6;

    /// <remarks>The base strategy unwraps a <see cref="DbUpdateException"/> and asks about its inner exception.</remarks>
    protected override bool ShouldRetryOn(Exception exception) => exception is SqliteException { SqliteErrorCode: Busy or Locked };
}
