using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MieEvaluation.Web.Data;

namespace MieEvaluation.IntegrationTests.Infrastructure;

/// <summary>
/// The real app over a real SQLite file of its own (no in-memory provider). When <c>MIE_TEST_SQLSERVER</c> holds a
/// connection string, the same tests run against a fresh SQL Server database instead.
/// </summary>
public class MieAppFactory : WebApplicationFactory<Program>
{
    public const string SqlServerVariable = "MIE_TEST_SQLSERVER";

    private readonly Dictionary<string, string?> _settings = new()
    {
        // Test hosts speak plain HTTP on loopback and sign in many times a second.
        ["Security:HttpsOnly"] = "false",
        ["Security:LoginAttemptsPerMinute"] = "100000",
        ["Security:ImportsPerMinute"] = "100000",
        ["MIE_ADMIN_EMAIL"] = AdminEmail,
        ["MIE_ADMIN_PASSWORD"] = AdminPassword,
    };

    public const string AdminEmail = "admin@test.mie";

    /// <summary>Made per test run; never a fixed password in the repository.</summary>
    public static readonly string AdminPassword = TestAccounts.NewPassword();

    public MieAppFactory()
        : this(TestPaths.NewDatabaseFile())
    {
    }

    internal MieAppFactory(string sqlitePath)
    {
        SqlitePath = sqlitePath;
        var sqlServer = Environment.GetEnvironmentVariable(SqlServerVariable);
        if (!string.IsNullOrWhiteSpace(sqlServer))
        {
            var csb = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(sqlServer)
            {
                InitialCatalog = $"MieTest_{Guid.NewGuid():N}",
            };
            _settings["Database:Provider"] = "SqlServer";
            _settings["ConnectionStrings:Mie"] = csb.ConnectionString;
            UsesSqlServer = true;
        }
        else
        {
            _settings["Database:SqlitePath"] = sqlitePath;
        }
    }

    public string SqlitePath { get; }

    public bool UsesSqlServer { get; }

    /// <summary>Adds or overrides a configuration setting; call before the first client is created.</summary>
    public MieAppFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    private readonly List<Action<IServiceCollection>> _services = [];

    /// <summary>Adds to the app's services (a fault-injecting interceptor, say); call before the first client is created.</summary>
    public MieAppFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>Runs work against the app's own database context.</summary>
    public async Task<T> WithDbAsync<T>(Func<MieDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<MieDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // A production-like environment (friendly error pages, HSTS). Outside Development the host does not read the
        // build's static web assets manifest by itself, so the files of the top-level wwwroot/ are mapped explicitly.
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets();
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => _services.ForEach(configure => configure(services)));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && UsesSqlServer)
        {
            using var scope = Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<MieDbContext>().Database.EnsureDeleted();
        }

        base.Dispose(disposing);
        if (disposing)
        {
            // Release pooled handles so the file can be deleted.
            SqliteConnection.ClearAllPools();
        }
    }
}
