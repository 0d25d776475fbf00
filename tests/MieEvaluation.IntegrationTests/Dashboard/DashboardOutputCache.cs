using System.Net;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.IntegrationTests.Figures;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Dashboard;

/// <summary>
/// The dashboard's rendered page is cached on the server, exactly: it is served again only while the figures' data
/// version is unchanged, and only to the browser session and language it was rendered for.
/// </summary>
public sealed class DashboardOutputCache : IAsyncLifetime
{
    private const string Page = "/dashboard"; // its default range ends at the latest year with values, read per render
    private readonly MieAppFactory _app = new();

    public async Task InitializeAsync()
    {
        _ = _app.CreateClient();
        await _app.WithDbAsync(db => SeedPanel.BuildAsync(db));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Whether the page has a 2019 column: 2018 is the panel's last year until <see cref="AddSilently2019Async"/>.</summary>
    private static async Task<bool> Shows2019Async(HttpClient client, string language = "en") =>
        (await client.GetDocumentAsync(Page, language)).QuerySelector("#national-table td[data-year='2019']") is not null;

    /// <summary>
    /// Adds a 2019 value behind the app's back, in SQL: no data version bump, as no write path of the app would do.
    /// Only a fresh render sees it (the default range then ends in 2019).
    /// </summary>
    private Task<int> AddSilently2019Async() => _app.WithDbAsync(async db =>
    {
        var baseId = await db.Bases.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"Submissions\" (\"BaseId\", \"Year\", \"Status\", \"CreatedAtUtc\", \"UpdatedAtUtc\", \"Version\") VALUES ({baseId}, 2019, 'Approved', '2019-01-01', '2019-01-01', {Guid.NewGuid()})");
        return await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"IndicatorValues\" (\"SubmissionId\", \"IndicatorId\", \"Value\") SELECT MAX(\"Id\"), 1, 10000 FROM \"Submissions\"");
    });

    [Fact]
    public async Task ServesTheSamePageUntilTheDataVersionMovesThenRendersAfresh()
    {
        var official = await _app.SignedInClientAsync(Roles.Official);
        var first = await Shows2019Async(official);

        await AddSilently2019Async();
        var whileUnchanged = await Shows2019Async(official);
        await _app.WithDbAsync(async db =>
        {
            await FigureDataChangeInterceptor.BumpAsync(db);
            return 0;
        });
        var afterBump = await Shows2019Async(official);

        Assert.False(first);
        Assert.False(whileUnchanged); // served from the cache: the silent change is not seen...
        Assert.True(afterBump); // ...until the version moves, as every real write moves it
    }

    [Fact]
    public async Task ShowsAValueSavedThroughTheModelAtTheNextRequest()
    {
        const string Page = "/dashboard?from=2016&to=2018";
        var official = await _app.SignedInClientAsync(Roles.Official);
        string Mean(AngleSharp.Dom.IDocument page) =>
            page.QuerySelector("#national-table tr[data-indicator='patents_granted'] td[data-year='2017']")!.ChildNodes[0].TextContent.Trim();
        var before = Mean(await official.GetDocumentAsync(Page, "en"));

        await _app.WithDbAsync(async db =>
        {
            var value = await db.IndicatorValues.FirstAsync(v => v.Indicator.Code == "patents_granted" && v.Submission.Year == 2017);
            value.Value += 1200; // 120 bases report in 2017: the mean rises by exactly 10
            return await db.SaveChangesAsync();
        });
        var after = Mean(await official.GetDocumentAsync(Page, "en"));

        Assert.Equal(decimal.Parse(before, System.Globalization.CultureInfo.GetCultureInfo("en")) + 10,
            decimal.Parse(after, System.Globalization.CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public async Task NeverServesOneSessionsPageToAnotherSessionOrLanguage()
    {
        var (email, password, _) = await _app.CreateUserAsync(Roles.Official);
        var first = await _app.SignInAsync(email, password);
        var second = await _app.SignInAsync(email, password); // the same person in another browser
        var other = await _app.SignedInClientAsync(Roles.Official);
        Assert.False(await Shows2019Async(first));
        Assert.False(await Shows2019Async(other, "zh-CN"));

        await AddSilently2019Async();

        Assert.True(await Shows2019Async(second)); // another session: rendered afresh
        Assert.True(await Shows2019Async(other)); // the same session in another language: rendered afresh
        Assert.False(await Shows2019Async(first)); // the session and language it was rendered for: from the cache
        Assert.Contains(email, (await first.GetDocumentAsync(Page, "en")).QuerySelector("[data-signed-in]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(email, (await other.GetDocumentAsync(Page, "en")).QuerySelector("[data-signed-in]")!.TextContent, StringComparison.Ordinal);

        // The second browser's page carries tokens for its own anti-forgery cookie: signing out from it works.
        var logout = await second.PostFormAsync(Page, "/account/logout", []);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
    }
}
