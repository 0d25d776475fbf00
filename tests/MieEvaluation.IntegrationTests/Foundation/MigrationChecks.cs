using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using MieEvaluation.Web.Data;

namespace MieEvaluation.IntegrationTests.Foundation;

/// <summary>
/// SQL Server cannot run on this machine, so its migrations are checked without a server: the idempotent script is
/// generated and parsed by Microsoft's own T-SQL parser, and both providers' snapshots must match the model.
/// </summary>
public sealed class MigrationChecks
{
    private static SqlServerMieDbContext SqlServerContext() =>
        new(new DbContextOptionsBuilder<SqlServerMieDbContext>()
            .UseSqlServer("Server=unused;Database=unused;Trusted_Connection=True").Options);

    private static SqliteMieDbContext SqliteContext() =>
        new(new DbContextOptionsBuilder<SqliteMieDbContext>().UseSqlite("Data Source=unused.db").Options);

    [Fact]
    public void SqlServerIdempotentScriptParsesWithoutErrors()
    {
        using var db = SqlServerContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);

        Assert.Contains("CREATE TABLE [Bases]", script, StringComparison.Ordinal);
        Assert.Contains("decimal(22,4)", script, StringComparison.Ordinal);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}")));
    }

    [Fact]
    public void SqlServerParserReportsErrorsGivenABrokenScript()
    {
        // Guards the check above: the parser must actually find mistakes.
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader("CREATE TABLE [X] ([Id] int NOT NULL,, );");
        parser.Parse(reader, out var errors);

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void SqlServerMigrationsMatchTheModel()
    {
        using var db = SqlServerContext();

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqlServerMieDbContext --output-dir Data/Migrations/SqlServer");
    }

    [Fact]
    public void SqliteMigrationsMatchTheModel()
    {
        using var db = SqliteContext();

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqliteMieDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void BothProvidersHaveTheSameMigrations()
    {
        using var sqlite = SqliteContext();
        using var sqlServer = SqlServerContext();

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);

        Assert.Equal(Names(sqlite), Names(sqlServer));
    }
}
