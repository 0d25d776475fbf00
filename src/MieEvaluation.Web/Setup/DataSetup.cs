using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Data.Seed;
using MieEvaluation.Web.Data.Series;
using MieEvaluation.Web.Demo;
using MieEvaluation.Web.Security;

namespace MieEvaluation.Web.Setup;

/// <summary>Chooses the database provider from configuration, registers the context, migrates and seeds at start.</summary>
internal static class DataSetup
{
    public static WebApplicationBuilder AddMieDatabase(this WebApplicationBuilder builder)
    {
        var connection = ResolveConnection(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(connection);

        builder.Services.AddSingleton<FigureDataChangeInterceptor>();
        if (connection.Provider == DatabaseProvider.Sqlite)
        {
            builder.Services.AddDbContext<MieDbContext, SqliteMieDbContext>((services, o) => o
                .UseSqlite(connection.ConnectionString, sqlite => sqlite.ExecutionStrategy(d => new SqliteRetryingExecutionStrategy(d)))
                // Two migrations rebuild IndicatorValues with reviewed SQL (fixed-point values) and switch foreign keys off
                // outside a transaction, as SQLite requires for a rebuild; both are tested (SqliteValueMigration). Their
                // warnings are expected on every first start and say nothing to do, so they are logged as information.
                .ConfigureWarnings(w => w.Log(
                    (Microsoft.EntityFrameworkCore.Diagnostics.SqliteEventId.TableRebuildPendingWarning, LogLevel.Information),
                    (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Information)))
                .AddInterceptors(services.GetRequiredService<FigureDataChangeInterceptor>()));
        }
        else
        {
            builder.Services.AddDbContext<MieDbContext, SqlServerMieDbContext>((services, o) => o
                .UseSqlServer(connection.ConnectionString, sql => sql.EnableRetryOnFailure())
                .AddInterceptors(services.GetRequiredService<FigureDataChangeInterceptor>()));
        }

        builder.Services.AddSingleton(builder.Configuration.GetSection(DemoOptions.SectionName).Get<DemoOptions>() ?? new DemoOptions());
        builder.Services.AddScoped<DataSeeder>();
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddHealthChecks().AddDbContextCheck<MieDbContext>("database");
        return builder;
    }

    /// <summary>
    /// Checks that the database is of the kind this start expects (demo or real), applies pending migrations,
    /// switches SQLite to WAL, seeds reference data, and makes sure the roles and an administrator (or the demo
    /// accounts and data) exist. Idempotent.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var connection = services.GetRequiredService<ResolvedDatabaseConnection>();
        var db = services.GetRequiredService<MieDbContext>();
        try
        {
            await DatabaseKindGuard.CheckBeforeMigrationAsync(db, connection);
            // Migrate only when something is pending: MigrateAsync also diffs the whole model against the snapshot,
            // a third of the start-up's work on an up-to-date database (tests check for model changes instead).
            if ((await db.Database.GetPendingMigrationsAsync()).Any())
            {
                await db.Database.MigrateAsync();
            }
            await DatabaseKindGuard.MarkAsync(db, connection);
            if (connection.Provider == DatabaseProvider.Sqlite)
            {
                // WAL lets dashboards read while an import writes; the mode is stored in the file itself.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
        }
        catch (SqliteException ex)
        {
            throw new StartupConfigurationException(
                $"Cannot open or create the SQLite database '{connection.Description}' (setting Database:SqlitePath): {ex.Message}", ex);
        }
        catch (SqlException ex)
        {
            throw new StartupConfigurationException(
                $"Cannot reach the SQL Server database (setting ConnectionStrings:Mie): {ex.Message}", ex);
        }

        await services.GetRequiredService<DataSeeder>().SeedAsync();
        await BaseSeriesMaintenance.RebuildMissingAsync(db);
        var bootstrap = services.GetRequiredService<AdministratorBootstrap>();
        if (connection.IsDemo)
        {
            await bootstrap.EnsureRolesAsync();
            await services.GetRequiredService<DemoSeeder>().SeedAsync();
        }
        else
        {
            await bootstrap.EnsureAdministratorAsync();
        }
    }

    internal static ResolvedDatabaseConnection ResolveConnection(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var configured = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        var demo = configuration.GetSection(DemoOptions.SectionName).Get<DemoOptions>() ?? new DemoOptions();

        if (!Enum.TryParse<DatabaseProvider>(options.Provider, ignoreCase: true, out var provider) ||
            !Enum.IsDefined(provider))
        {
            throw new StartupConfigurationException(
                $"Setting Database:Provider has the unknown value '{options.Provider}'; use Sqlite or SqlServer.");
        }

        if (demo.Enabled)
        {
            // Demo mode has its own SQLite file and ignores nothing silently: a real database setting is an error.
            if (provider != DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(configured))
            {
                throw new StartupConfigurationException(
                    "Demo mode (--demo / Demo:Enabled) runs only on its own SQLite file (Demo:SqlitePath); unset Database:Provider and ConnectionStrings:Mie.");
            }

            return ResolveSqlite(new DatabaseOptions { SqlitePath = demo.SqlitePath }, null, contentRoot) with { IsDemo = true };
        }

        return provider == DatabaseProvider.Sqlite
            ? ResolveSqlite(options, configured, contentRoot)
            : ResolveSqlServer(configured);
    }

    private static ResolvedDatabaseConnection ResolveSqlite(DatabaseOptions options, string? configured, string contentRoot)
    {
        SqliteConnectionStringBuilder csb;
        try
        {
            csb = string.IsNullOrWhiteSpace(configured)
                ? new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(options.SqlitePath, contentRoot) }
                : new SqliteConnectionStringBuilder(configured);
        }
        catch (ArgumentException ex)
        {
            throw new StartupConfigurationException(
                $"Setting ConnectionStrings:Mie is not a valid SQLite connection string: {ex.Message}", ex);
        }

        if (string.IsNullOrWhiteSpace(csb.DataSource))
        {
            throw new StartupConfigurationException("Setting Database:SqlitePath (or ConnectionStrings:Mie) names no database file.");
        }

        // Writers wait for each other instead of failing at once with "database is locked".
        csb.DefaultTimeout = 30;
        EnsureFolderExists(csb.DataSource);
        return new ResolvedDatabaseConnection(DatabaseProvider.Sqlite, csb.ToString(), csb.DataSource);
    }

    private static ResolvedDatabaseConnection ResolveSqlServer(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new StartupConfigurationException(
                "Setting ConnectionStrings:Mie must hold a SQL Server connection string when Database:Provider is SqlServer.");
        }

        try
        {
            var csb = new SqlConnectionStringBuilder(configured);
            return new ResolvedDatabaseConnection(DatabaseProvider.SqlServer, csb.ConnectionString,
                $"{csb.DataSource}/{csb.InitialCatalog}");
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new StartupConfigurationException(
                $"Setting ConnectionStrings:Mie is not a valid SQL Server connection string: {ex.Message}", ex);
        }
    }

    private static void EnsureFolderExists(string dataSource)
    {
        if (dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupConfigurationException(
                $"Cannot create the folder '{folder}' for the SQLite database (setting Database:SqlitePath): {ex.Message}", ex);
        }
    }
}

/// <summary>The provider and connection string chosen at start-up; <see cref="Description"/> never holds a password.</summary>
public sealed record ResolvedDatabaseConnection(DatabaseProvider Provider, string ConnectionString, string Description)
{
    /// <summary>True in demo mode: the database must be (or become) a demo database.</summary>
    public bool IsDemo { get; init; }
}
