using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MieEvaluation.Web.Data;

// Used by `dotnet ef` only: each provider's context is created without starting the app, so that migrations
// and the idempotent SQL Server script can be produced on a machine without any database server.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMieDbContext>
{
    public SqliteMieDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMieDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerMieDbContext>
{
    public SqlServerMieDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerMieDbContext>().UseSqlServer("Server=.;Database=MieEvaluation;Trusted_Connection=True").Options);
}
