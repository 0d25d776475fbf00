using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MieEvaluation.BrowserTests.Infrastructure;
using MieEvaluation.IntegrationTests.Review;

namespace MieEvaluation.BrowserTests;

/// <summary>
/// One base through the four steps of a round, each person following the link their home page gives them: the base
/// contact writes and submits the self-evaluation with a PDF of evidence; two experts score it blind; the group's
/// leader records the site visit and reads the group's results; a second group's expert cross-reviews it, and the
/// leader sees both groups' scores side by side with the difference flagged.
/// </summary>
public sealed class ProcedureJourney(ProcedureBrowserFixture browser) : IClassFixture<ProcedureBrowserFixture>
{
    [Fact]
    public async Task OneBaseGoesThroughSelfEvaluationExpertReviewSiteVisitAndCrossReview()
    {
        var world = browser.World;
        var errors = new List<string>();
        await browser.App.WithDbAsync(async db =>
        {
            db.CrossReviewAssignments.Add(new MieEvaluation.Domain.Review.CrossReviewAssignment
            {
                RoundId = await db.ReviewRounds.Select(r => r.Id).SingleAsync(), BaseId = world.BaseIds["16R01"], GroupId = world.SecondGroupId,
            });
            return await db.SaveChangesAsync();
        });

        // 1. The base contact, in January.
        var (contact, contactErrors) = await browser.SignInAsync(world.Contact, "zh-CN");
        errors.AddRange(contactErrors);
        await contact.Locator("[data-duty='Duty.SelfEvaluationDue'] a").ClickAsync();
        await contact.FillAsync("#section-BasicSituation", "海淀区孵化面积 30 万平方米。");
        await contact.FillAsync("#section-Achievements", "新增市场主体 1.2 万家。");
        await contact.FillAsync("#section-Problems", "融资渠道仍较单一。");
        await contact.FillAsync("#section-NextSteps", "建设共享实验室。");
        await contact.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(contact.Locator("[data-saved]")).ToContainTextAsync("草稿已保存");
        await contact.Locator("#evidence-file").SetInputFilesAsync(new FilePayload
        {
            Name = "2025年度总结.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray(),
        });
        await contact.Locator("#evidence-form button").ClickAsync();
        await Assertions.Expect(contact.Locator("[data-evidence]")).ToContainTextAsync("2025年度总结.pdf");
        await contact.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Assertions.Expect(contact.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "submitted");
        await BrowserFixture.ScreenshotAsync(contact, "self-evaluation");

        // 2. Two experts of the base's group, in February, each on their own sheet.
        browser.Clock.Now = ProcedureWorld.InExpertReview;
        foreach (var (expert, plan) in new[] { (1, "80"), (2, "70") })
        {
            var (page, pageErrors) = await browser.SignInAsync(world.Experts[expert], "en");
            errors.AddRange(pageErrors);
            await page.Locator("[data-duty='Duty.Scoring.Expert'] a").ClickAsync();
            await page.Locator("[data-pass=Expert] tr[data-base='16R01'] a").First.ClickAsync();
            Assert.Equal("", await page.Locator("#score-plan").InputValueAsync());
            await page.FillAsync("#score-plan", plan);
            await page.FillAsync("#comment-plan", "The plan is concrete.");
            await page.FillAsync("#score-team", "40");
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-progress]").First).ToHaveAttributeAsync("data-progress", "Submitted");
            Assert.Equal(0, await page.Locator("#score-plan:not([disabled])").CountAsync());
            // The self-evaluation is theirs to read now that it is submitted.
            await page.Locator("[data-self-evaluation-link]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-section=Problems]")).ToContainTextAsync("融资渠道仍较单一。");
        }

        // 3. The group's leader, in March: the visit, then the group's results.
        browser.Clock.Now = ProcedureWorld.InSiteVisits;
        var (leader, leaderErrors) = await browser.SignInAsync(world.Experts[0], "en");
        errors.AddRange(leaderErrors);
        await leader.Locator("[data-duty='Duty.SiteVisits'] a").ClickAsync();
        await leader.FillAsync("#visit-date", "2026-03-05");
        await leader.Locator($"#member-{world.Experts[0].Id}").CheckAsync();
        await leader.Locator($"#member-{world.Experts[1].Id}").CheckAsync();
        await leader.FillAsync("#visit-findings", "The shared laboratory is under construction.");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Record the visit" }).ClickAsync();
        await Assertions.Expect(leader.Locator("[data-visit] [data-findings]")).ToHaveTextAsync("The shared laboratory is under construction.");
        await leader.GotoAsync("/");
        await leader.Locator("[data-duty='Duty.GroupResults'] a").ClickAsync();
        await Assertions.Expect(leader.Locator("#expert-results tr[data-base='16R01'][data-criterion=plan] [data-used]")).ToHaveTextAsync("75.00");
        await Assertions.Expect(leader.Locator("[data-cross-open]")).ToBeVisibleAsync();

        // 4. The second group's expert, in April; then the leader reads both groups side by side.
        browser.Clock.Now = ProcedureWorld.InCrossReview;
        var (cross, crossErrors) = await browser.SignInAsync(world.Experts[3], "en");
        errors.AddRange(crossErrors);
        await cross.Locator("[data-duty='Duty.Scoring.Cross'] a").ClickAsync();
        await cross.Locator("[data-pass=Cross] tr[data-base='16R01'] a").First.ClickAsync();
        await cross.FillAsync("#score-plan", "55");
        await cross.FillAsync("#score-team", "30");
        await cross.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
        await Assertions.Expect(cross.Locator("[data-progress]").First).ToHaveAttributeAsync("data-progress", "Submitted");

        browser.Clock.Now = ProcedureWorld.AfterTheRound;
        var (after, afterErrors) = await browser.SignInAsync(world.Experts[0], "en");
        errors.AddRange(afterErrors);
        await after.GotoAsync("/evaluation/rounds/2025/results");
        // Own group (80 + 70) / 2 = 75, cross 55: 20 apart, above the round's 10.
        var row = after.Locator("#cross-results tr[data-base='16R01'][data-criterion=plan]");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-flagged", "true");
        await Assertions.Expect(row).ToContainTextAsync("-20.00");
        await BrowserFixture.ScreenshotAsync(after, "round-results");
        Assert.Empty(errors);
    }
}
