using System.Diagnostics;
using System.Text.RegularExpressions;
using MieEvaluation.IntegrationTests.Figures;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.Api;

/// <summary>The curl example of docs/api.md, run as written against the app in its own process on a real port.</summary>
public sealed partial class ApiDocumentation
{
    [GeneratedRegex("## Example with curl.*?```bash\\n(?<script>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CurlBlock();

    [Fact]
    public async Task TheCurlExampleRunsAndPrintsTheReportsTable()
    {
        var path = TestPaths.NewDatabaseFile();
        await using (var factory = new MieAppFactory(path))
        {
            _ = factory.CreateClient();
            await factory.WithDbAsync(db => SeedPanel.BuildAsync(db));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var app = await AppProcess.StartAsync(AppProcess.BuiltApp, Path.GetTempPath(), new Dictionary<string, string>
        {
            ["Database__SqlitePath"] = path,
            ["Security__HttpsOnly"] = "false",
        });
        var script = CurlBlock().Match(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "api.md"))).Groups["script"].Value;
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(path)!, "curl")).FullName;
        var start = new ProcessStartInfo("bash", ["-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        start.Environment["BASE_URL"] = app.BaseAddress.ToString().TrimEnd('/');
        start.Environment["MIE_EMAIL"] = MieAppFactory.AdminEmail;
        start.Environment["MIE_PASSWORD"] = MieAppFactory.AdminPassword;

        using var bash = Process.Start(start)!;
        var output = await bash.StandardOutput.ReadToEndAsync();
        var errors = await bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();

        Assert.True(bash.ExitCode == 0, errors + output);
        Assert.NotEmpty(script);
        Assert.Contains("\"code\":\"new_market_entities\"", output, StringComparison.Ordinal);
        Assert.Contains("\"percent\":7.6", output, StringComparison.Ordinal);
        Assert.Contains("base_code,base_name_zh,base_name_en,region,type,province,batch_year,year,indicator_code,", output, StringComparison.Ordinal);
    }
}
