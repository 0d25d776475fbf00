using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MieEvaluation.BrowserTests.Infrastructure;
using MieEvaluation.Domain.Evaluation;

namespace MieEvaluation.BrowserTests;

/// <summary>
/// Each role's main job on the demo's current round, from the login page, by clicking and typing into forms only: no
/// URL is typed after opening the site. The evaluator's form travels on to the reviewer and then to the official's
/// dashboard, so those three roles share one test, in the order the work happens.
/// </summary>
public sealed class FirstHourJourneys(DemoBrowserFixture browser) : IClassFixture<DemoBrowserFixture>
{
    private static readonly int Round = DateTime.UtcNow.Year - 1;

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public async Task TheEvaluatorSubmitsExplainingAWarningTheReviewerApprovesAndTheOfficialSeesTheValueCounted()
    {
        // Evaluator: from the home page to a draft of the round, explain what the checks flag, submit.
        var (evaluator, evaluatorErrors) = await browser.SignInByHandAsync("evaluator.west@demo.mie", "zh-CN");
        await BrowserFixture.ScreenshotAsync(evaluator, "home-evaluator");
        var draft = evaluator.Locator("[data-home=evaluator] li").Filter(new() { HasText = "草稿" }).First;
        var code = await draft.GetAttributeAsync("data-code");
        await draft.Locator("a").ClickAsync();
        var warned = evaluator.Locator("tr[data-indicator]:has([data-warning])");
        Assert.True(await warned.CountAsync() > 0, "the demo's drafts carry a jump to explain");
        for (var i = 0; i < await warned.CountAsync(); i++)
        {
            await warned.Nth(i).Locator("input[name^=Comments]").FillAsync("数据核实：当年新设园区，主体数量大幅增加。");
        }

        var value = decimal.Parse(await evaluator.InputValueAsync("input[name='Values[new_market_entities]']"), CultureInfo.InvariantCulture);
        await evaluator.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        await Assertions.Expect(evaluator.Locator("[data-status]")).ToHaveTextAsync("已提交");

        // Reviewer: from the home page to the review list, open that form, approve it.
        var (reviewer, reviewerErrors) = await browser.SignInByHandAsync("reviewer@demo.mie", "zh-CN");
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "打开审核列表" }).ClickAsync();
        await reviewer.Locator($"#submitted tr[data-code='{code}'] a").ClickAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "批准", Exact = true }).ClickAsync();
        await Assertions.Expect(reviewer.Locator("[data-status]")).ToHaveTextAsync("已批准");

        // Official: the dashboard now ends on the round, and its one approved form is counted there.
        var (official, officialErrors) = await browser.SignInByHandAsync("official@demo.mie", "en");
        await BrowserFixture.ScreenshotAsync(official, "home-official");
        await official.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "National trends", Exact = true }).ClickAsync();
        var cell = official.Locator($"#national-table tr[data-indicator=new_market_entities] td[data-year='{Round}']");
        Assert.Equal("1", await cell.GetAttributeAsync("data-n"));
        Assert.StartsWith(Math.Round(value, 0, MidpointRounding.AwayFromZero).ToString("N0", English), (await cell.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Empty(evaluatorErrors.Concat(reviewerErrors).Concat(officialErrors));
    }

    [Fact]
    public async Task TheAnalystDownloadsTheGrowthTableFromTheHomePage()
    {
        var year = Round - 1; // approved in the demo whatever the other journeys approve in the round
        var expected = await browser.App.WithDbAsync(db => db.IndicatorValues
            .Where(v => v.Value != null && v.Indicator.Code == "patents_granted" && v.Submission.Year == year && v.Submission.Status == SubmissionStatus.Approved)
            .Select(v => v.Value!.Value).ToListAsync());
        var (analyst, errors) = await browser.SignInByHandAsync("analyst@demo.mie", "en");

        var download = await analyst.RunAndWaitForDownloadAsync(() => analyst.Locator("[data-home=analyst] a[data-export='growth.csv']").ClickAsync());
        using var reader = new StreamReader(await download.PathAsync(), Encoding.UTF8);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();

        var patents = rows.Single(r => (string)r["indicator_code"] == "patents_granted");
        // The file carries the exact mean (analysts round themselves); equal to the mean by hand to 20 decimals.
        var mean = decimal.Parse((string)patents[year.ToString(CultureInfo.InvariantCulture)], CultureInfo.InvariantCulture);
        Assert.Equal(Math.Round(expected.Sum() / expected.Count, 20), Math.Round(mean, 20));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task TheAdministratorCreatesAnAccountAndAGroupOfComplementaryExpertiseForTheRoundsUnassignedBases()
    {
        var (admin, errors) = await browser.SignInByHandAsync("admin@demo.mie", "zh-CN");
        await Assertions.Expect(admin.Locator("[data-check=bases]")).ToHaveAttributeAsync("data-done", "false");
        await BrowserFixture.ScreenshotAsync(admin, "home-admin");

        // A new evaluator account.
        await admin.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Button, new() { Name = "系统管理" }).ClickAsync();
        await admin.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "账户管理" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "新建账户" }).ClickAsync();
        await admin.FillAsync("#Email", "northeast.expert@demo.mie");
        await admin.FillAsync("#DisplayName", "东北专家");
        await admin.FillAsync("#Password", "Liaoning-Jilin-2025");
        await admin.CheckAsync("#role-Evaluator");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("northeast.expert@demo.mie");

        // From the checklist to the round's groups; a new group with a professional and an operational member.
        await admin.Locator("a.navbar-brand").ClickAsync();
        await admin.Locator("[data-check=bases] a").ClickAsync();
        await admin.FillAsync("#new-name", "东北评估组");
        await admin.GetByRole(AriaRole.Button, new() { Name = "添加", Exact = true }).ClickAsync();
        await AddMemberAsync(admin, "东北专家 <northeast.expert@demo.mie>", "辽宁省科协", "LocalAssociation", "Professional");
        await AddMemberAsync(admin, "运营评估专家 Operations evaluator <evaluator.ops@demo.mie>", "北京市科协", "LocalAssociation", "Operational");
        await Assertions.Expect(admin.Locator("[data-missing-expertise]")).ToHaveCountAsync(0);

        // The bases no group has yet this round.
        var options = await admin.Locator("#assign-bases option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        await admin.SelectOptionAsync("#assign-bases", options);
        await admin.GetByRole(AriaRole.Button, new() { Name = "分配" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#group-bases li")).ToHaveCountAsync(options.Length);

        await admin.Locator("a.navbar-brand").ClickAsync();
        await Assertions.Expect(admin.Locator("[data-check=bases]")).ToHaveAttributeAsync("data-done", "true");
        Assert.Equal(3, options.Length);
        Assert.Contains($"{Round}年度", await admin.Locator("[data-home=administrator] h2").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    private static async Task AddMemberAsync(IPage admin, string account, string organisation, string organisationKind, string expertise)
    {
        await admin.SelectOptionAsync("#member-user", new SelectOptionValue { Label = account });
        await admin.FillAsync("#member-org", organisation);
        await admin.SelectOptionAsync("#member-orgkind", organisationKind);
        await admin.SelectOptionAsync("#member-expertise", expertise);
        await admin.GetByRole(AriaRole.Button, new() { Name = "添加", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync(organisation);
    }
}
