using Microsoft.Extensions.Configuration;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Setup;

namespace MieEvaluation.IntegrationTests.Foundation;

public sealed class StartupConfigurationChecks
{
    private static IConfiguration Config(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void NamesTheSettingGivenAnUnknownProvider()
    {
        var ex = Assert.Throws<StartupConfigurationException>(() =>
            DataSetup.ResolveConnection(Config(("Database:Provider", "Oracle")), Path.GetTempPath()));

        Assert.Contains("Database:Provider", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Oracle", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void NamesTheConnectionStringGivenSqlServerWithoutOne(string? connectionString)
    {
        var ex = Assert.Throws<StartupConfigurationException>(() => DataSetup.ResolveConnection(
            Config(("Database:Provider", "SqlServer"), ("ConnectionStrings:Mie", connectionString)), Path.GetTempPath()));

        Assert.Contains("ConnectionStrings:Mie", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SqlServer", "Server=;;;Bogus Keyword=1")]
    [InlineData("Sqlite", "Data Source=x.db;Flavour=Strawberry")]
    public void NamesTheConnectionStringGivenAMalformedOne(string provider, string connectionString)
    {
        var ex = Assert.Throws<StartupConfigurationException>(() => DataSetup.ResolveConnection(
            Config(("Database:Provider", provider), ("ConnectionStrings:Mie", connectionString)), Path.GetTempPath()));

        Assert.Contains("ConnectionStrings:Mie", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamesTheSettingGivenAFolderThatCannotBeCreated()
    {
        // A folder cannot be created beneath an existing regular file.
        var file = Path.GetTempFileName();
        var ex = Assert.Throws<StartupConfigurationException>(() => DataSetup.ResolveConnection(
            Config(("Database:SqlitePath", Path.Combine(file, "sub", "mie.db"))), Path.GetTempPath()));

        Assert.Contains("Database:SqlitePath", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SqlServer", null)]
    [InlineData("Sqlite", "Data Source=/tmp/real.db")]
    public void RefusesDemoModeGivenARealDatabaseSetting(string provider, string? connectionString)
    {
        var ex = Assert.Throws<StartupConfigurationException>(() => DataSetup.ResolveConnection(
            Config(("Demo:Enabled", "true"), ("Database:Provider", provider), ("ConnectionStrings:Mie", connectionString)), Path.GetTempPath()));

        Assert.Contains("Demo mode", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UsesItsOwnFileGivenDemoMode()
    {
        var root = Path.Combine(Path.GetTempPath(), "mie-tests", Guid.NewGuid().ToString("N"));

        var resolved = DataSetup.ResolveConnection(Config(("Demo:Enabled", "true")), root);

        Assert.True(resolved.IsDemo);
        Assert.Equal(Path.Combine(root, "data", "mie-demo.db"), resolved.Description);
    }

    [Fact]
    public void PlacesTheDefaultFileUnderTheContentRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "mie-tests", Guid.NewGuid().ToString("N"));

        var resolved = DataSetup.ResolveConnection(Config(), root);

        Assert.Equal(Path.Combine(root, "data", "mie.db"), resolved.Description);
        Assert.True(Directory.Exists(Path.Combine(root, "data")));
    }

    [Fact]
    public async Task ExitsWithOneClearLineGivenAnUnknownProviderAtProcessStart()
    {
        var (exitCode, output) = await AppProcess.RunToExitAsync(new Dictionary<string, string> { ["Database__Provider"] = "Oracle" });

        Assert.Equal(1, exitCode);
        var fatal = output.Split('\n').Where(l => l.Contains("Start-up failed", StringComparison.Ordinal)).ToList();
        Assert.Single(fatal);
        Assert.Contains("Database:Provider", fatal[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExitsWithOneClearLineGivenADatabaseFileThatCannotBeOpened()
    {
        // A directory where the database file should be: SQLite cannot open it.
        var folder = Path.Combine(Path.GetTempPath(), "mie-tests", Guid.NewGuid().ToString("N"), "mie.db");
        Directory.CreateDirectory(folder);

        var (exitCode, output) = await AppProcess.RunToExitAsync(new Dictionary<string, string> { ["Database__SqlitePath"] = folder });

        Assert.Equal(1, exitCode);
        Assert.Contains("Database:SqlitePath", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
}
