using Microsoft.Playwright;
using MieEvaluation.BrowserTests.Infrastructure;

namespace MieEvaluation.BrowserTests;

/// <summary>
/// The administrator edits the demo's scheme in the structured editor — the AHP matrix's consistency ratio answers as
/// the entry is typed — and saves a new version; the official reads the results and a base's scorecard.
/// </summary>
public sealed class EvaluationJourneys(DemoBrowserFixture browser) : IClassFixture<DemoBrowserFixture>
{
    private static readonly int LastPublished = DateTime.UtcNow.Year - 2;

    [Fact]
    public async Task TheAdministratorEditsTheSchemeAndTheOfficialReadsAScorecard()
    {
        var (admin, adminErrors) = await browser.SignInByHandAsync("admin@demo.mie", "en");
        await admin.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Evaluation", Exact = true }).ClickAsync();
        await admin.Locator("tr[data-scheme='mie-illustration']").GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();

        // The dimensions' matrix: actors against outcomes, 1/2 in the demo. 9 makes it inconsistent, 1/2 again consistent.
        var entry = admin.Locator("[data-matrix='dimension_weighting'] input[data-entry='0-3']");
        var status = admin.Locator("[data-matrix='dimension_weighting'] + p[data-cr]");
        await Assertions.Expect(status).ToContainTextAsync("CR = 0.004");
        await entry.FillAsync("9");
        await Assertions.Expect(status).ToContainTextAsync("too inconsistent");
        Assert.Equal("1/9", (await admin.Locator("[data-matrix='dimension_weighting'] span[data-entry='3-0']").InnerTextAsync()).Trim());
        await entry.FillAsync("1/2");
        await Assertions.Expect(status).ToContainTextAsync("consistent enough");

        // A grade moved: Excellent from 80 down to 75.
        await admin.Locator("[data-grade='0'] input[data-field='grade-min_score']").FillAsync("75");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("[data-message]")).ToContainTextAsync("saved as version 2");

        // The official: the last published year's results, then the first regional base's scorecard.
        var (official, officialErrors) = await browser.SignInByHandAsync("official@demo.mie", "en");
        await official.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Evaluation", Exact = true }).ClickAsync();
        await official.Locator($"tr[data-scheme='mie-illustration'] a[data-year='{LastPublished}']").ClickAsync();
        await Assertions.Expect(official.Locator("#publication")).ToHaveAttributeAsync("data-published", "true");
        await BrowserFixture.ScreenshotAsync(official, "evaluation-results");
        var first = official.Locator("#results-regional tbody tr").First;
        var total = (await first.Locator("[data-total]").InnerTextAsync()).Trim();
        await first.Locator("a").First.ClickAsync();

        await Assertions.Expect(official.Locator("[data-total]")).ToHaveTextAsync(total);
        Assert.StartsWith("1 / ", (await official.Locator("[data-rank]").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.True(await official.Locator("#scorecard-items tbody tr").CountAsync() >= 12);
        Assert.True(await official.Locator("#contributions-chart").EvaluateAsync<int>("c => c.width") > 0);
        await BrowserFixture.ScreenshotAsync(official, "evaluation-scorecard");
        Assert.Empty(adminErrors.Concat(officialErrors));
    }
}
