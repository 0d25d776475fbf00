using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Groups;
using MieEvaluation.IntegrationTests.Figures;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;
using Xunit.Abstractions;

namespace MieEvaluation.IntegrationTests.Operations;

/// <summary>
/// 64 connections for 30 seconds (MIE_LOAD_SECONDS to change it) against the app as a process on loopback: 16
/// evaluators saving forms, 48 readers on dashboards, base pages and exports. No answer may be 500 or more, and every
/// successful save must have its audit row. Bounded in time and count; it stops by itself.
/// </summary>
public sealed class LoadRun(ITestOutputHelper output)
{
    private const int Evaluators = 16;
    private const int Readers = 48;

    [Fact]
    public async Task SixtyFourConnectionsGetNoServerErrorAndLoseNoSave()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("MIE_LOAD_SECONDS"), out var s) ? Math.Clamp(s, 5, 120) : 30;
        var path = TestPaths.NewDatabaseFile();
        var evaluators = new List<(string Email, string Password, string Code)>();
        (string Email, string Password, string Id) reader;
        await using (var factory = new MieAppFactory(path))
        {
            _ = factory.CreateClient();
            await factory.WithDbAsync(db => SeedPanel.BuildAsync(db));
            reader = await factory.CreateUserAsync(Roles.Analyst);
            for (var i = 1; i <= Evaluators; i++)
            {
                var account = await factory.CreateUserAsync(Roles.Evaluator);
                var code = $"16R{i:00}";
                await factory.WithDbAsync(async db =>
                {
                    var group = new ExpertGroup { Name = $"Load {i}", Year = 2019 };
                    group.Members.Add(new ExpertGroupMember { UserId = account.Id, Organisation = "S", Expertise = ExpertiseKind.Professional });
                    group.Bases.Add(new ExpertGroupBase { BaseId = await db.Bases.Where(b => b.Code == code).Select(b => b.Id).SingleAsync() });
                    db.ExpertGroups.Add(group);
                    return await db.SaveChangesAsync();
                });
                evaluators.Add((account.Email, account.Password, code));
            }
        }

        SqliteConnection.ClearAllPools();
        await using var app = await AppProcess.StartAsync(AppProcess.BuiltApp, Path.GetTempPath(), new Dictionary<string, string>
        {
            ["Database__SqlitePath"] = path, ["Security__HttpsOnly"] = "false", ["Security__LoginAttemptsPerMinute"] = "100000",
        });
        var stop = DateTime.UtcNow.AddSeconds(seconds);
        var statuses = new System.Collections.Concurrent.ConcurrentBag<int>();
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var saved = 0;

        async Task<HttpClient> SignInAsync(string email, string password)
        {
            var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.BaseAddress };
            using var response = await client.PostLoginAsync(email, password);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return client;
        }

        async Task<HttpResponseMessage> TimedAsync(Func<Task<HttpResponseMessage>> call)
        {
            var watch = Stopwatch.StartNew();
            var response = await call();
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            statuses.Add((int)response.StatusCode);
            return response;
        }

        var saving = evaluators.Select(async e =>
        {
            var client = await SignInAsync(e.Email, e.Password);
            for (var n = 1; DateTime.UtcNow < stop && n < 100_000; n++)
            {
                var page = await client.GetDocumentAsync($"/entry/{e.Code}/2019");
                var fields = new Dictionary<string, string>
                {
                    ["Command"] = "save", ["Version"] = page.QuerySelector("input[name=Version]")?.GetAttribute("value") ?? "",
                    ["Values[patents_granted]"] = n.ToString(CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = page.AntiforgeryToken(),
                };
                using var form = new FormUrlEncodedContent(fields);
                using var response = await TimedAsync(() => client.PostAsync(new Uri($"/entry/{e.Code}/2019", UriKind.Relative), form));
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    Interlocked.Increment(ref saved);
                }
            }
        });
        string[] readUrls = ["/dashboard?from=2016&to=2018", "/dashboard?from=2016&to=2018&region=east&panel=balanced", "/bases/16R01", "/bases/17T010",
            "/export/growth.csv?from=2016&to=2018", "/completeness", "/bases"];
        var reading = Enumerable.Range(0, Readers).Select(async r =>
        {
            var client = await SignInAsync(reader.Email, reader.Password);
            for (var n = 0; DateTime.UtcNow < stop && n < 1_000_000; n++)
            {
                using var response = await TimedAsync(() => client.GetAsync(new Uri(readUrls[(r + n) % readUrls.Length], UriKind.Relative)));
            }
        });
        await Task.WhenAll(saving.Concat(reading));

        var auditRows = await CountValueAuditRowsAsync(path);
        var sorted = latencies.Order().ToList();
        output.WriteLine($"{sorted.Count} requests in {seconds} s ({sorted.Count / (double)seconds:F0}/s); p50 {sorted[sorted.Count / 2]:F1} ms, " +
                         $"p99 {sorted[(int)(sorted.Count * 0.99)]:F1} ms; {saved} saves, {auditRows} audit rows; statuses " +
                         string.Join(", ", statuses.GroupBy(x => x).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}")));

        Assert.DoesNotContain(statuses, status => status >= 500);
        Assert.True(saved > 0);
        Assert.Equal(saved, auditRows);
    }

    private static async Task<long> CountValueAuditRowsAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM AuditEntries a JOIN Indicators i ON i.Id = a.IndicatorId WHERE a.Year = 2019 AND i.Code = 'patents_granted'";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
