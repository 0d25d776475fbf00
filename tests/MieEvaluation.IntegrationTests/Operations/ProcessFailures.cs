using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Registry;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Operations;

/// <summary>The app as a real process, killed or stopped in the middle of a large import.</summary>
public sealed class ProcessFailures
{
    private const int ExtraBases = 3000;

    /// <summary>A database with 3,000 more bases and a reviewer; returns the file, the reviewer's login and the CSV of 36,000 values.</summary>
    private static async Task<(string Path, string Email, string Password, byte[] Csv)> PrepareAsync()
    {
        var path = TestPaths.NewDatabaseFile();
        string email, password;
        await using (var factory = new MieAppFactory(path))
        {
            _ = factory.CreateClient();
            (email, password, _) = await factory.CreateUserAsync(Roles.Reviewer);
            await factory.WithDbAsync(async db =>
            {
                var province = await db.Provinces.FirstAsync();
                for (var i = 0; i < ExtraBases; i++)
                {
                    db.Bases.Add(new DemonstrationBase { Code = $"17E{i:0000}", NameZh = $"测试{i}", NameEn = $"Test {i}", Type = BaseType.Enterprise, ProvinceId = province.Id, BatchYear = 2017 });
                }

                return await db.SaveChangesAsync();
            });
        }

        SqliteConnection.ClearAllPools();
        var csv = new StringBuilder("base_code,year,indicator_code,value\n");
        foreach (var code in new[] { "patents_granted", "people_trained", "research_centres", "new_market_entities", "national_talent", "univ_enterprise_coop",
                     "enterprise_gov_projects", "inter_enterprise_projects", "institute_ie_projects", "incubation_area_m2", "edu_investment_10k_yuan", "new_urban_jobs_10k" })
        {
            for (var i = 0; i < ExtraBases; i++)
            {
                csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"17E{i:0000},2020,{code},{i + 1}\n");
            }
        }

        return (path, email, password, Encoding.UTF8.GetBytes(csv.ToString()));
    }

    private static Task<AppProcess> StartAsync(string path) => AppProcess.StartAsync(AppProcess.BuiltApp, Path.GetTempPath(),
        new Dictionary<string, string> { ["Database__SqlitePath"] = path, ["Security__HttpsOnly"] = "false", ["Import__MaxValuesWithWarnings"] = "0" });

    private static async Task<HttpClient> ReviewerAsync(AppProcess app, string email, string password)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(3) };
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/tokens", UriKind.Relative), new { email, password });
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private static async Task<(long Values, string Integrity)> InspectAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM IndicatorValues v JOIN Submissions s ON s.Id = v.SubmissionId WHERE s.Year = 2020";
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        return ((long)(await count.ExecuteScalarAsync())!, (string)(await check.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task AKillDuringALargeImportLeavesItWhollyPresentOrWhollyAbsent()
    {
        var (path, email, password, csv) = await PrepareAsync();
        await using (var app = await StartAsync(path))
        {
            var client = await ReviewerAsync(app, email, password);
            using var content = new ByteArrayContent(csv);
            content.Headers.ContentType = new("text/csv");
            var import = client.PostAsync(new Uri("/api/v1/values/import", UriKind.Relative), content);
            await Task.Delay(1500);
            await app.SignalAsync("KILL");
            await Assert.ThrowsAnyAsync<Exception>(async () => (await import).EnsureSuccessStatusCode());
        }

        var (values, integrity) = await InspectAsync(path);
        await using var restarted = await StartAsync(path);
        using var health = await new HttpClient { BaseAddress = restarted.BaseAddress }.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal("ok", integrity);
        Assert.True(values is 0 or ExtraBases * 12, $"{values} values: a partial import");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task ATermSignalLetsTheRunningImportFinish()
    {
        var (path, email, password, csv) = await PrepareAsync();
        HttpStatusCode status;
        int exitCode;
        await using (var app = await StartAsync(path))
        {
            var client = await ReviewerAsync(app, email, password);
            using var content = new ByteArrayContent(csv);
            content.Headers.ContentType = new("text/csv");
            var import = client.PostAsync(new Uri("/api/v1/values/import", UriKind.Relative), content);
            await Task.Delay(800);
            await app.SignalAsync("TERM");
            status = (await import).StatusCode;
            exitCode = await app.WaitForExitAsync(TimeSpan.FromMinutes(2));
        }

        var (values, integrity) = await InspectAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, exitCode);
        Assert.Equal(ExtraBases * 12, values);
        Assert.Equal("ok", integrity);
    }
}
