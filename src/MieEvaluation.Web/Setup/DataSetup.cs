using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Data.Seed;

namespace MieEvaluation.Web.Setup;

/// <summary>Chooses the database provider from configuration, registers the context, migrates and seeds at start.</summary>
internal static class DataSetup
{
    public static WebApplicationBuilder AddMieDatabase(this WebApplicationBuilder builder)
    {
        var connection = ResolveConnection(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(connection);

        if (connection.Provider == DatabaseProvider.Sqlite)
        {
            builder.Services.AddDbContext<MieDbContext, SqliteMieDbContext>(o => o.UseSqlite(connection.ConnectionString));
        }
        else
        {
            builder.Services.AddDbContext<MieDbContext, SqlServerMieDbContext>(o =>
                o.UseSqlServer(connection.ConnectionString, sql => sql.EnableRetryOnFailure()));
        }

        builder.Services.AddScoped<DataSeeder>();
        builder.Services.AddHealthChecks().AddDbContextCheck<MieDbContext>("database");
        return builder;
    }

    /// <summary>Applies pending migrations, switches SQLite to WAL and seeds reference data. Idempotent.</summary>
    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var connection = scope.ServiceProvider.GetRequiredService<ResolvedDatabaseConnection>();
        var db = scope.ServiceProvider.GetRequiredService<MieDbContext>();
        try
        {
            await db.Database.MigrateAsync();
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

        await scope.ServiceProvider.GetRequiredService<DataSeeder>().SeedAsync();
    }

    internal static ResolvedDatabaseConnection ResolveConnection(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var configured = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);

        if (!Enum.TryParse<DatabaseProvider>(options.Provider, ignoreCase: true, out var provider) ||
            !Enum.IsDefined(provider))
        {
            throw new StartupConfigurationException(
                $"Setting Database:Provider has the unknown value '{options.Provider}'; use Sqlite or SqlServer.");
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
public sealed record ResolvedDatabaseConnection(DatabaseProvider Provider, string ConnectionString, string Description);
