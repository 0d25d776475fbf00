using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.Foundation;

public sealed class HostingBehaviour : IClassFixture<MieAppFactory>
{
    private readonly MieAppFactory _app;

    public HostingBehaviour(MieAppFactory app) => _app = app;

    [Fact]
    public async Task HealthAnswersHealthyGivenAReachableDatabase()
    {
        using var response = await _app.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ServesStaticFilesFromTheTopLevelWwwroot()
    {
        var client = _app.CreateClient();

        var chart = await client.GetStringAsync(new Uri("/lib/chart.js/dist/chart.umd.min.js", UriKind.Relative));
        var css = await client.GetStringAsync(new Uri("/css/site.css", UriKind.Relative));

        Assert.Equal(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "wwwroot/css/site.css")), css);
        Assert.StartsWith("/*!\n * Chart.js v", chart, StringComparison.Ordinal);
    }

    [Fact]
    public void CommittedChartJsMatchesTheVersionDeclaredInLibman()
    {
        using var libman = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "libman.json")));
        var library = libman.RootElement.GetProperty("libraries").EnumerateArray()
            .Single(l => l.GetProperty("library").GetString()!.StartsWith("chart.js@", StringComparison.Ordinal))
            .GetProperty("library").GetString()!;
        var version = library["chart.js@".Length..];

        var banner = File.ReadLines(Path.Combine(TestPaths.RepositoryRoot, "wwwroot/lib/chart.js/dist/chart.umd.min.js")).Take(3);

        Assert.Contains($" * Chart.js v{version}", banner);
    }

    [SkippableFact]
    public async Task SqliteFileUsesWriteAheadLogging()
    {
        Skip.If(_app.UsesSqlServer, "WAL is a SQLite setting; this run uses SQL Server.");

        var mode = await _app.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            return (string?)await command.ExecuteScalarAsync();
        });

        Assert.Equal("wal", mode);
        Assert.True(File.Exists(_app.SqlitePath));
    }
}
