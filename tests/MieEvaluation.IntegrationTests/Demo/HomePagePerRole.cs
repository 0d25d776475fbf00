using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.Demo;

/// <summary>
/// The first page after signing in, on the demo's current round: each role finds its work there, counted, linked to
/// where it is done. Expectations are read from the database here, not from the page's own service.
/// </summary>
public sealed class HomePagePerRole(HomePagePerRole.Demo demo) : IClassFixture<HomePagePerRole.Demo>
{
    private static readonly int Round = DateTime.UtcNow.Year - 1;

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public async Task ListsTheEvaluatorsUnfinishedFormsOfTheRound()
    {
        var expected = await demo.Site.App.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == "evaluator.west@demo.mie").Select(u => u.Id).SingleAsync();
            var bases = await db.ExpertGroupBases.Where(a => a.Year == Round && a.Group.Members.Any(m => m.UserId == userId)).Select(a => a.BaseId).ToListAsync();
            var done = await db.Submissions.CountAsync(s => s.Year == Round && bases.Contains(s.BaseId)
                && (s.Status == SubmissionStatus.Submitted || s.Status == SubmissionStatus.Approved));
            return bases.Count - done;
        });
        var home = await (await demo.Site.SignInAsync("evaluator.west@demo.mie", "en")).GetDocumentAsync("/");

        var section = home.QuerySelector("[data-home=evaluator]")!;
        Assert.True(expected > 0);
        Assert.Equal(expected.ToString(English), section.QuerySelector("[data-home-count]")!.GetAttribute("data-home-count"));
        var links = section.QuerySelectorAll("li a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(Math.Min(expected, 8), links.Count);
        Assert.All(links, href => Assert.Matches($"^/entry/[0-9]{{2}}[RUC][0-9]{{2}}/{Round}$", href));
        Assert.Null(home.QuerySelector("[data-home=administrator]"));
        Assert.Null(home.QuerySelector("[data-home=official]"));
    }

    [Fact]
    public async Task ShowsTheReviewerTheWaitingFormsWithTheirOpenWarnings()
    {
        var waiting = await demo.Site.App.WithDbAsync(db => db.Submissions.CountAsync(s => s.Year == Round && s.Status == SubmissionStatus.Submitted));
        var home = await (await demo.Site.SignInAsync("reviewer@demo.mie", "zh-CN")).GetDocumentAsync("/");

        var section = home.QuerySelector("[data-home=reviewer]")!;
        Assert.True(waiting > 0);
        Assert.Equal(waiting.ToString(English), section.QuerySelector("[data-home-count]")!.GetAttribute("data-home-count"));
        Assert.Contains($"{waiting}份已提交表格待审核", section.TextContent, StringComparison.Ordinal);
        Assert.All(section.QuerySelectorAll("tbody tr"), row => Assert.Matches("^[0-9]+$", row.QuerySelector("[data-open-warnings]")!.TextContent));
        Assert.Equal($"/review?year={Round}", section.QuerySelector("a.btn")!.GetAttribute("href"));
    }

    [Fact]
    public async Task GivesTheOfficialEachIndicatorsNationalFigureAndItsChangeSinceLastYear()
    {
        // The demo's last approved year is the one before the round; its national mean per indicator, by hand.
        var latest = Round - 1;
        var means = await demo.Site.App.WithDbAsync(async db => await db.IndicatorValues
            .Where(v => v.Value != null && v.Submission.Status == SubmissionStatus.Approved && v.Indicator.Code == "patents_granted"
                && (v.Submission.Year == latest || v.Submission.Year == latest - 1))
            .Select(v => new { v.Submission.Year, Value = v.Value!.Value }).ToListAsync());
        var mean = means.Where(m => m.Year == latest).Average(m => m.Value);
        var before = means.Where(m => m.Year == latest - 1).Average(m => m.Value);
        var change = Math.Round((mean / before - 1) * 100, 1, MidpointRounding.AwayFromZero);
        var home = await (await demo.Site.SignInAsync("official@demo.mie", "en")).GetDocumentAsync("/");

        var row = home.QuerySelector("[data-home=official] tr[data-indicator=patents_granted]")!;
        Assert.Contains(latest.ToString(English), home.QuerySelector("#home-official")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Math.Round(mean, 0, MidpointRounding.AwayFromZero).ToString("N0", English), row.QuerySelector("[data-latest]")!.TextContent);
        Assert.Equal(means.Count(m => m.Year == latest).ToString(English), row.QuerySelector("[data-n]")!.TextContent);
        Assert.Equal($"{change.ToString("0.0", English)} %", row.QuerySelector("[data-change]")!.TextContent.Trim());
        Assert.Equal("patents", row.QuerySelector("[data-unit]")!.TextContent);
        Assert.NotNull(home.QuerySelector("[data-home=official] [data-legend]"));
        Assert.NotNull(home.QuerySelector("[data-home=progress]"));
        Assert.Null(home.QuerySelector("[data-home=analyst]"));
    }

    [Fact]
    public async Task KeepsTheOfficialsHeadlineOnTheLastCompleteYearWhileTheRoundHasFewApprovals()
    {
        // Its own demo: one form of the round approved through the reviewer's page.
        await using var site = DemoApp.Start();
        var form = await site.App.WithDbAsync(db => db.Submissions.Where(s => s.Year == Round && s.Status == SubmissionStatus.Submitted)
            .OrderBy(s => s.Base.Code).Select(s => new { s.Base.Code, s.Version }).FirstAsync());
        var reviewer = await site.SignInAsync("reviewer@demo.mie", "en");
        using var approved = await reviewer.PostFormAsync($"/entry/{form.Code}/{Round}", $"/entry/{form.Code}/{Round}/review",
            new Dictionary<string, string> { ["command"] = "approve", ["version"] = form.Version.ToString() });
        var expected = await site.App.WithDbAsync(db => db.Bases.CountAsync(b => b.IsActive && b.BatchYear <= Round));

        var home = await (await site.SignInAsync("official@demo.mie", "en")).GetDocumentAsync("/");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains((Round - 1).ToString(English), home.QuerySelector("#home-official")!.TextContent, StringComparison.Ordinal);
        var note = home.QuerySelector($"[data-home=official] [data-incomplete-year='{Round}']")!;
        Assert.Contains($"only 1 of the {expected} bases", note.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OffersTheAnalystTheExports()
    {
        var analyst = await demo.Site.SignInAsync("analyst@demo.mie", "en");
        var home = await analyst.GetDocumentAsync("/");

        var href = home.QuerySelector("[data-home=analyst] a[data-export='growth.csv']")!.GetAttribute("href")!;
        using var download = await analyst.GetAsync(new Uri(href, UriKind.Relative));
        Assert.Equal("text/csv", download.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(home.QuerySelector("[data-home=official]"));
    }

    [Fact]
    public async Task GivesTheAdministratorTheRoundsSetUpChecklist()
    {
        var withoutGroup = await demo.Site.App.WithDbAsync(async db =>
        {
            var assigned = await db.ExpertGroupBases.Where(a => a.Year == Round).Select(a => a.BaseId).ToListAsync();
            return await db.Bases.CountAsync(b => b.IsActive && b.BatchYear <= Round && !assigned.Contains(b.Id));
        });
        var home = await (await demo.Site.SignInAsync("admin@demo.mie", "en")).GetDocumentAsync("/");

        var bases = home.QuerySelector("[data-home=administrator] [data-check=bases]")!;
        Assert.Equal(3, withoutGroup);
        Assert.Equal("false", bases.GetAttribute("data-done"));
        Assert.Contains($"{withoutGroup} bases without an expert group", bases.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/groups?year={Round}", bases.QuerySelector("a")!.GetAttribute("href"));
        // The demo's second group lacks operational expertise on purpose.
        Assert.Equal("false", home.QuerySelector("[data-check=groups]")!.GetAttribute("data-done"));
        Assert.Equal("true", home.QuerySelector("[data-check=indicators]")!.GetAttribute("data-done"));
        Assert.Equal("/admin/categories", home.QuerySelector("[data-check=categories] a")!.GetAttribute("href"));
    }

    /// <summary>One demo app for the class: generating its data takes seconds.</summary>
    public sealed class Demo : IAsyncLifetime
    {
        public DemoApp Site { get; private set; } = null!;

        public Task InitializeAsync()
        {
            Site = DemoApp.Start();
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await Site.DisposeAsync();
    }
}
