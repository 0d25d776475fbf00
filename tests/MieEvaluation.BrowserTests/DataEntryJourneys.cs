using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MieEvaluation.BrowserTests.Infrastructure;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Groups;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.BrowserTests;

/// <summary>Evaluators and reviewers at work: the yearly form, the review, the import.</summary>
public sealed class DataEntryJourneys : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _browser;

    public DataEntryJourneys(BrowserFixture browser) => _browser = browser;

    /// <summary>An evaluator page for a new account in a group that covers the bases in that year.</summary>
    private async Task<(IPage Page, List<string> Errors)> EvaluatorForAsync(int year, params string[] codes)
    {
        var (page, errors) = await _browser.SignedInPageAsync("en-US", Roles.Evaluator);
        var email = (await page.TextContentAsync("[data-signed-in]"))!.Trim().Split(' ')[^1];
        await _browser.App.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var group = new ExpertGroup { Name = $"Journey {Guid.NewGuid():N}", Year = year };
            group.Members.Add(new ExpertGroupMember { UserId = userId, Organisation = "Society", Expertise = ExpertiseKind.Professional });
            foreach (var id in await db.Bases.Where(b => codes.Contains(b.Code)).Select(b => b.Id).ToListAsync())
            {
                group.Bases.Add(new ExpertGroupBase { BaseId = id });
            }

            db.ExpertGroups.Add(group);
            return await db.SaveChangesAsync();
        });
        return (page, errors);
    }

    private Task<Dictionary<string, decimal>> LastYearAsync(string code, int year) => _browser.App.WithDbAsync(db => db.IndicatorValues
        .Where(v => v.Submission.Base.Code == code && v.Submission.Year == year - 1)
        .Select(v => new { v.Indicator.Code, v.Value })
        .ToDictionaryAsync(v => v.Code, v => v.Value!.Value));

    [Fact]
    public async Task EvaluatorExplainsAWarningSubmitsAndTheReviewerApproves()
    {
        var (page, errors) = await EvaluatorForAsync(2019, "16R08");
        var last = await LastYearAsync("16R08", 2019);
        await page.GotoAsync("/entry/16R08/2019");
        foreach (var (code, value) in last)
        {
            var typed = code == "patents_granted" ? value * 10 : value;
            await page.FillAsync($"#v-{code}", typed.ToString("G29", CultureInfo.InvariantCulture));
        }

        await page.ClickAsync("button[value=submit]");
        var refusal = await page.TextContentAsync("[data-form-errors]");
        Assert.Contains("explain the warning", refusal, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "form-warning");
        await page.FillAsync("input[name='Comments[patents_granted]']", "A new patent office opened in the zone");
        await page.ClickAsync("button[value=submit]");
        await page.WaitForSelectorAsync("[data-message]");

        var (reviewer, reviewerErrors) = await _browser.SignedInPageAsync("en-US", Roles.Reviewer);
        await reviewer.GotoAsync("/review?year=2019");
        Assert.NotNull(await reviewer.QuerySelectorAsync("#submitted tr[data-code='16R08']"));
        await BrowserFixture.ScreenshotAsync(reviewer, "review-list");
        await reviewer.ClickAsync("#submitted ~ button, form[action='/review/approve-all'] button[type=submit]");
        await reviewer.WaitForSelectorAsync("[data-message]");
        await reviewer.GotoAsync("/bases/16R08");
        await BrowserFixture.ScreenshotAsync(reviewer, "base-audit");

        Assert.Equal(SubmissionStatus.Approved, await _browser.App.WithDbAsync(db => db.Submissions
            .Where(s => s.Base.Code == "16R08" && s.Year == 2019).Select(s => s.Status).SingleAsync()));
        Assert.True(await reviewer.Locator("#audit tr[data-audit=status]").CountAsync() >= 2);
        Assert.True(await reviewer.Locator("#audit tr[data-audit=value]").CountAsync() >= 12);
        Assert.Empty(errors);
        Assert.Empty(reviewerErrors);
    }

    [Fact]
    public async Task EvaluatorCompletesTheFormWithTheKeyboardOnly()
    {
        var (page, errors) = await EvaluatorForAsync(2019, "16R07");
        var last = await LastYearAsync("16R07", 2019);
        var codes = await _browser.App.WithDbAsync(db => db.Indicators.OrderBy(i => i.DisplayOrder).Select(i => i.Code).ToListAsync());
        await page.GotoAsync("/entry/16R07/2019");

        for (var i = 0; i < 60 && await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") != $"v-{codes[0]}"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        foreach (var code in codes)
        {
            Assert.Equal($"v-{code}", await page.EvaluateAsync<string>("() => document.activeElement.id"));
            await page.Keyboard.TypeAsync(last[code].ToString("G29", CultureInfo.InvariantCulture));
            await page.Keyboard.PressAsync("Tab"); // the comment
            await page.Keyboard.PressAsync("Tab"); // the next value, or the buttons
        }

        Assert.Equal("save", await page.EvaluateAsync<string>("() => document.activeElement.value"));
        await page.Keyboard.PressAsync("Enter");
        // The save and its redirect can take longer than Playwright's 30 s default when the whole suite loads both
        // cores (one timeout seen in six full runs); a slow save is not what this journey tests.
        await page.WaitForSelectorAsync("[data-message]", new() { Timeout = 90_000 });

        Assert.Equal(SubmissionStatus.Draft, await _browser.App.WithDbAsync(db => db.Submissions
            .Where(s => s.Base.Code == "16R07" && s.Year == 2019).Select(s => s.Status).SingleAsync()));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task EvaluatorFixesABadRowAndTheCompletenessMatrixShowsTheImport()
    {
        var (page, errors) = await EvaluatorForAsync(2020, "16R05", "16R06");
        await page.GotoAsync("/import");

        await page.SetInputFilesAsync("#file", new FilePayload
        {
            Name = "wide-2020.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("base_code,year,patents_granted,people_trained\n16R05,2020,300,15000\n16R06,2020,abc,16000\n"),
        });
        await page.ClickAsync("main form button[type=submit]");
        var error = await page.TextContentAsync("[data-import-errors] li[data-line='3']");
        await BrowserFixture.ScreenshotAsync(page, "import-error");
        await page.GotoAsync("/import");
        await page.SetInputFilesAsync("#file", new FilePayload
        {
            Name = "wide-2020.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("base_code,year,patents_granted,people_trained\n16R05,2020,300,15000\n16R06,2020,310,16000\n"),
        });
        await page.ClickAsync("main form button[type=submit]");
        Assert.Equal("4", (await page.TextContentAsync("[data-count=new]"))!.Trim());
        await page.ClickAsync("form[action='/import/confirm'] button[type=submit]");
        await page.WaitForSelectorAsync("[data-message]");

        var (official, officialErrors) = await _browser.SignedInPageAsync("en-US", Roles.Official);
        await official.GotoAsync("/completeness?from=2016&to=2020");
        await BrowserFixture.ScreenshotAsync(official, "completeness");

        Assert.Contains("is not a number", error, StringComparison.Ordinal);
        // The import holds a few indicators only: incomplete forms stay drafts until the evaluator completes them.
        Assert.Equal("Draft", await official.GetAttributeAsync("#completeness-matrix tr[data-code='16R05'] td[data-year='2020']", "data-state"));
        Assert.Equal("Draft", await official.GetAttributeAsync("#completeness-matrix tr[data-code='16R06'] td[data-year='2020']", "data-state"));
        Assert.Empty(errors);
        Assert.Empty(officialErrors);
    }
}
