using MieEvaluation.Domain.Evaluation;
using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Demo;

public sealed class DemoMode
{
    private static MieAppFactory DemoApp(string path, string log) => Infrastructure.DemoApp.Factory(path, log);

    private static string PrintedPassword(string log, string email) => Infrastructure.DemoApp.PrintedPassword(log, email);

    [Fact]
    public async Task FillsItsOwnDatabaseAndShowsTheBannerAndPrintedAccounts()
    {
        var path = TestPaths.NewDatabaseFile();
        var log = Path.ChangeExtension(path, ".log");
        await using var app = DemoApp(path, log);
        _ = app.CreateClient();

        var state = await app.WithDbAsync(async db => new
        {
            Years = await db.Submissions.Select(s => s.Year).Distinct().OrderBy(y => y).ToListAsync(),
            Values = await db.IndicatorValues.CountAsync(),
            Issues = await db.IssueReports.CountAsync(),
            Groups = await db.ExpertGroups.CountAsync(),
            Bases2016 = await db.Submissions.CountAsync(s => s.Year == 2016),
        });
        var password = PrintedPassword(File.ReadAllText(log), "official@demo.mie");
        var official = await app.SignInAsync("official@demo.mie", password, "en");
        var page = await official.GetDocumentAsync("/bases");

        // The round held this year collects last year's data: every year up to it has forms, and groups.
        var round = DateTime.UtcNow.Year - 1;
        Assert.Equal(Enumerable.Range(2016, round - 2015), state.Years);
        Assert.True(state.Values > 56 * 7 * 12 * 0.9, $"{state.Values} values");
        Assert.True(state.Issues > 0);
        Assert.Equal(2 * (round - 2015), state.Groups);
        Assert.Equal(28, state.Bases2016); // only the 2016 batch reports in 2016
        Assert.NotNull(page.QuerySelector("[data-demo-banner]"));
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task OpensTheCurrentRoundWithWorkForTheEvaluatorAndTheReviewer()
    {
        var path = TestPaths.NewDatabaseFile();
        var log = Path.ChangeExtension(path, ".log");
        await using var app = DemoApp(path, log);
        _ = app.CreateClient();
        var round = DateTime.UtcNow.Year - 1;

        var states = await app.WithDbAsync(async db => new
        {
            Before = await db.Submissions.Where(s => s.Year < round).Select(s => s.Status).Distinct().ToListAsync(),
            InRound = await db.Submissions.Where(s => s.Year == round).GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(),
            Expected = await db.Bases.CountAsync(b => b.IsActive && b.BatchYear <= round),
            Assigned = await db.ExpertGroupBases.CountAsync(a => a.Year == round),
            AwaitingGroup = await db.Bases.CountAsync(b => b.IsActive && b.BatchYear <= round && b.Province.Region == MieEvaluation.Domain.Registry.Region.Northeast),
        });
        var evaluator = await app.SignInAsync("evaluator.west@demo.mie", PrintedPassword(File.ReadAllText(log), "evaluator.west@demo.mie"), "zh-CN");
        var entry = await evaluator.GetDocumentAsync("/entry");
        var reviewer = await app.SignInAsync("reviewer@demo.mie", PrintedPassword(File.ReadAllText(log), "reviewer@demo.mie"), "zh-CN");
        var review = await reviewer.GetDocumentAsync("/review");

        Assert.Equal([SubmissionStatus.Approved], states.Before);
        var drafts = states.InRound.Single(s => s.Key == SubmissionStatus.Draft).Count;
        var submitted = states.InRound.Single(s => s.Key == SubmissionStatus.Submitted).Count;
        Assert.True(drafts > 0 && submitted > 0 && drafts + submitted < states.Expected, $"{drafts} drafts, {submitted} submitted of {states.Expected}");
        // The north-east bases (3 in the registry) await their group: the administrator's work for the round.
        Assert.Equal(3, states.AwaitingGroup);
        Assert.Equal(states.Expected - 3, states.Assigned);
        Assert.Equal(round.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.QuerySelector("[data-round]")!.GetAttribute("data-round"));
        Assert.Contains($"{round + 1}年评估（{round}年度数据）", entry.QuerySelector("[data-round]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"· {round}", entry.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(entry.QuerySelectorAll("a[href^='/entry/']"));
        Assert.Contains($"· {round}", review.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(review.QuerySelectorAll("a[href^='/entry/']"));
    }

    [Fact]
    public async Task GeneratesTheDataAgainGivenADemoDatabaseFromAnEarlierRound()
    {
        var path = TestPaths.NewDatabaseFile();
        var log = Path.ChangeExtension(path, ".log");
        var round = DateTime.UtcNow.Year - 1;
        await using (var lastYear = DemoApp(path, log).WithServices(s => s.AddSingleton<TimeProvider>(new FixedClock(DateTimeOffset.UtcNow.AddYears(-1)))))
        {
            _ = lastYear.CreateClient();
            Assert.False(await lastYear.WithDbAsync(db => db.Submissions.AnyAsync(s => s.Year == round)));
        }

        await using var now = DemoApp(path, log);
        _ = now.CreateClient();
        var state = await now.WithDbAsync(async db => new
        {
            Groups = await db.ExpertGroups.CountAsync(g => g.Year == round),
            Drafts = await db.Submissions.CountAsync(s => s.Year == round && s.Status == SubmissionStatus.Draft),
            BeforeNotApproved = await db.Submissions.CountAsync(s => s.Year < round && s.Status != SubmissionStatus.Approved),
            SeriesRows = await db.BaseSeries.CountAsync(),
        });

        Assert.Equal(2, state.Groups);
        Assert.True(state.Drafts > 0);
        Assert.Equal(0, state.BeforeNotApproved); // last year's round, open then, is approved now
        Assert.Equal(56, state.SeriesRows);
    }

    [Fact]
    public async Task LetsTheEvaluatorRecordAnIssueForABaseOfTheCurrentRound()
    {
        await using var demo = Infrastructure.DemoApp.Start();
        var round = DateTime.UtcNow.Year - 1;
        var code = await demo.App.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == "evaluator.west@demo.mie").Select(u => u.Id).SingleAsync();
            return await db.ExpertGroupBases.Where(a => a.Year == round && a.Group.Members.Any(m => m.UserId == userId))
                .OrderBy(a => a.Base.Code).Select(a => a.Base.Code).FirstAsync();
        });
        var evaluator = await demo.SignInAsync("evaluator.west@demo.mie", "en");

        var form = await evaluator.GetDocumentAsync($"/entry/{code}/{round}");
        var link = form.QuerySelector("a[href^='/issues/new']")!.GetAttribute("href")!;
        var issueForm = await evaluator.GetDocumentAsync(link);
        var issues = await evaluator.GetDocumentAsync($"/bases/{code}/issues");

        Assert.Equal(round.ToString(System.Globalization.CultureInfo.InvariantCulture), issueForm.QuerySelector("[name=Year]")!.GetAttribute("value"));
        Assert.NotNull(issues.QuerySelector("a[href^='/issues/new']"));
    }

    [Fact]
    public async Task WarnsOnTheGroupPageGivenAGroupWithoutOperationalExpertise()
    {
        var path = TestPaths.NewDatabaseFile();
        await using var app = DemoApp(path, Path.ChangeExtension(path, ".log"));
        var admin = await app.SignedInClientAsync(Roles.Administrator);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var westId = await app.WithDbAsync(db => db.ExpertGroups.Where(g => g.Year == 2023 && g.Name.Contains("west")).Select(g => g.Id).SingleAsync());

        var list = await admin.GetDocumentAsync("/groups?year=2023");
        var detail = await admin.GetDocumentAsync($"/groups/{westId}");

        Assert.Single(list.QuerySelectorAll("[data-missing-expertise]"));
        Assert.Contains("Operational", detail.QuerySelector("[data-missing-expertise]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeneratesTheSameValuesAndNewPasswordsGivenARestart()
    {
        var path = TestPaths.NewDatabaseFile();
        var log = Path.ChangeExtension(path, ".log");
        decimal firstSum;
        await using (var first = DemoApp(path, log))
        {
            _ = first.CreateClient();
            firstSum = await first.WithDbAsync(db => db.IndicatorValues.Where(v => v.Submission.Year == 2020).SumAsync(v => v.Value!.Value));
        }

        var firstPassword = PrintedPassword(File.ReadAllText(log), "analyst@demo.mie");
        await using var second = DemoApp(path, log);
        _ = second.CreateClient();
        var secondPassword = PrintedPassword(File.ReadAllText(log), "analyst@demo.mie");

        Assert.Equal(firstSum, await second.WithDbAsync(db => db.IndicatorValues.Where(v => v.Submission.Year == 2020).SumAsync(v => v.Value)));
        Assert.NotEqual(firstPassword, secondPassword);
        Assert.Equal(HttpStatusCode.OK, (await (await second.SignInAsync("analyst@demo.mie", secondPassword)).GetAsync(new Uri("/bases", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task RefusesToStartAndLeavesTheFileUntouchedGivenANonDemoDatabase()
    {
        var path = TestPaths.NewDatabaseFile();
        await using (var real = new MieAppFactory(path))
        {
            _ = real.CreateClient();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var before = SHA256.HashData(File.ReadAllBytes(path));
        var (exitCode, output) = await AppProcess.RunToExitAsync(new Dictionary<string, string> { ["Demo__SqlitePath"] = path }, "--demo");

        Assert.Equal(1, exitCode);
        Assert.Contains("not a demo database", output, StringComparison.Ordinal);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(path)));
    }

    [Fact]
    public async Task RefusesANormalStartOnADemoDatabase()
    {
        var path = TestPaths.NewDatabaseFile();
        await using (var demo = DemoApp(path, Path.ChangeExtension(path, ".log")))
        {
            _ = demo.CreateClient();
        }

        var (exitCode, output) = await AppProcess.RunToExitAsync(new Dictionary<string, string> { ["Database__SqlitePath"] = path });

        Assert.Equal(1, exitCode);
        Assert.Contains("is a demo database", output, StringComparison.Ordinal);
    }
}
