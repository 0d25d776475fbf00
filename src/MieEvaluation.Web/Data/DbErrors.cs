using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MieEvaluation.Web.Data;

/// <summary>Tells a write that lost a race (someone else changed or created the row) from a write that failed.</summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19;
    private const int SqlServerUniqueIndex = 2601;
    private const int SqlServerUniqueConstraint = 2627;

    /// <summary>A stale version token, or a row created meanwhile under the same unique key (a second form for a base and year).</summary>
    public static bool IsLostRace(DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException ||
        exception.InnerException is SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: 2067 or 1555 } ||
        exception.InnerException is SqlException { Number: SqlServerUniqueIndex or SqlServerUniqueConstraint };
}
