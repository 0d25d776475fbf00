using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MieEvaluation.BrowserTests.Infrastructure;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Groups;
using MieEvaluation.Domain.Registry;
using MieEvaluation.IntegrationTests.Figures;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.BrowserTests;

/// <summary>The users' journeys in a real Chromium against the app on a real port.</summary>
public sealed class Journeys : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _browser;

    public Journeys(BrowserFixture browser) => _browser = browser;

    [Fact]
    public async Task OfficialFiltersTheDashboardByRegionAndReadsItInChinese()
    {
        var (page, errors) = await _browser.SignedInPageAsync("en-US", Roles.Official);
        await page.GotoAsync("/dashboard?from=2016&to=2018");
        var before = await TrendDataAsync(page, "patents_granted");

        await page.SelectOptionAsync("#region", "east");
        await page.ClickAsync("main form[method=get] button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("region=east", StringComparison.Ordinal));
        var after = await TrendDataAsync(page, "patents_granted");
        var expected = await _browser.App.WithDbAsync(db => db.IndicatorValues
            .Where(v => v.Indicator.Code == "patents_granted" && v.Submission.Year == 2017 && v.Submission.Base.Province.Region == Region.East)
            .Select(v => v.Value!.Value).ToListAsync());
        var cell = await page.TextContentAsync("#national-table tr[data-indicator='patents_granted'] td[data-year='2017']");
        await BrowserFixture.ScreenshotAsync(page, "dashboard-east");

        await page.ClickAsync("button[value='zh-CN']");
        await page.WaitForSelectorAsync("html[lang='zh-CN']");
        await BrowserFixture.ScreenshotAsync(page, "dashboard-zh");

        Assert.NotEqual(before, after);
        // Chart data is rounded as the tables are: halves away from zero (not to even).
        Assert.Equal((double)Math.Round(expected.Sum() / expected.Count, 0, MidpointRounding.AwayFromZero), after[1]);
        Assert.Contains((expected.Sum() / expected.Count).ToString("N0", CultureInfo.GetCultureInfo("en")), cell, StringComparison.Ordinal);
        Assert.Contains("专利授权量", await page.TextContentAsync("#national-table"), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task AnalystDownloadsTheGrowthTableAndFindsThePrintedGrowth()
    {
        var (page, errors) = await _browser.SignedInPageAsync("zh-CN", Roles.Analyst);
        await page.GotoAsync("/dashboard?from=2016&to=2018");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[data-export=growth]"));
        var path = await download.PathAsync();
        using var reader = new StreamReader(path, Encoding.UTF8);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();

        var market = rows.Single(r => (string)r["indicator_code"] == "new_market_entities");
        Assert.Equal("7.6", market["cagr_percent"]);
        Assert.Equal("新登记市场主体数量", market["indicator_name_zh"]);
        Assert.Equal("11740", market["2016"]);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task OfficialDownloadsABasesReportFromItsPageMenu()
    {
        var (page, errors) = await _browser.SignedInPageAsync("zh-CN", Roles.Official);
        await page.GotoAsync("/bases/16R01");

        // The menu opens on a click (a details element, no script) and offers the three formats.
        await page.ClickAsync("[data-report-menu=base] summary");
        await page.WaitForSelectorAsync("a[data-report=base-pdf]", new() { State = WaitForSelectorState.Visible });
        var formats = await page.Locator("[data-report-menu=base] a").AllTextContentsAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[data-report=base-pdf]"));
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());

        Assert.Equal(["PDF（打印用）", "Word（可编辑）", "Excel（数据表）"], formats);
        Assert.Matches(@"^mie-base-report-16R01-zhCN-\d{8}\.pdf$", download.SuggestedFilename);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task TheSecondOfTwoEditorsGetsTheConflictPage()
    {
        var first = await _browser.App.CreateUserAsync(Roles.Evaluator);
        var second = await _browser.App.CreateUserAsync(Roles.Evaluator);
        await _browser.App.WithDbAsync(async db =>
        {
            var group = new ExpertGroup { Name = "Browser editors", Year = 2018 };
            group.Members.Add(new ExpertGroupMember { UserId = first.Id, Organisation = "A", Expertise = ExpertiseKind.Professional });
            group.Members.Add(new ExpertGroupMember { UserId = second.Id, Organisation = "B", Expertise = ExpertiseKind.Operational });
            group.Bases.Add(new ExpertGroupBase { BaseId = await db.Bases.Where(b => b.Code == "16R09").Select(b => b.Id).SingleAsync() });
            db.ExpertGroups.Add(group);

            // The seeded 2018 form is approved (locked); the editors work on it after a reviewer reopened it.
            var form = await db.Submissions.SingleAsync(s => s.Base.Code == "16R09" && s.Year == 2018);
            form.Status = SubmissionStatus.Draft;
            return await db.SaveChangesAsync();
        });
        var pageA = await SignInAsync(first.Email, first.Password);
        var pageB = await SignInAsync(second.Email, second.Password);
        await pageA.GotoAsync("/entry/16R09/2018");
        await pageB.GotoAsync("/entry/16R09/2018");

        await pageA.FillAsync("#v-patents_granted", "311");
        await pageA.ClickAsync("button[value=save]");
        await pageA.WaitForSelectorAsync("[data-message]");
        await pageB.FillAsync("#v-patents_granted", "322");
        await pageB.ClickAsync("button[value=save]");
        await pageB.WaitForSelectorAsync("[data-conflict]");
        await BrowserFixture.ScreenshotAsync(pageB, "conflict");

        Assert.Equal("311", (await pageB.TextContentAsync("#conflict tr[data-indicator=patents_granted] [data-stored]"))!.Trim());
        Assert.Equal("322", (await pageB.TextContentAsync("#conflict tr[data-indicator=patents_granted] [data-yours]"))!.Trim());
    }

    [Theory]
    [InlineData("/dashboard", Roles.Official)]
    [InlineData("/bases/16R01", Roles.Official)]
    [InlineData("/completeness", Roles.Official)]
    [InlineData("/issues/summary", Roles.Official)]
    [InlineData("/bases", Roles.Official)]
    public async Task PagesFitAPhoneWithoutConsoleErrors(string url, string role)
    {
        var (page, errors) = await _browser.SignedInPageAsync("zh-CN", role);
        await page.SetViewportSizeAsync(375, 800);

        await page.GotoAsync(url);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        await BrowserFixture.ScreenshotAsync(page, "phone" + url.Replace('/', '-'));

        Assert.False(overflow, $"{url} scrolls sideways at 375 px");
        Assert.Empty(errors);
    }

    private async Task<IPage> SignInAsync(string email, string password)
    {
        var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", BaseURL = _browser.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }

    private static async Task<double?[]> TrendDataAsync(IPage page, string code)
    {
        var json = await page.EvaluateAsync<JsonElement>(
            "code => Chart.getChart(document.querySelector(`canvas[data-trend=\"${code}\"]`)).data.datasets[0].data", code);
        return json.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()).ToArray();
    }
}
