using System.Text.Json;
using MieEvaluation.BrowserTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.BrowserTests;

/// <summary>axe-core on the main pages: no serious or critical violation.</summary>
public sealed class Accessibility : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _browser;

    public Accessibility(BrowserFixture browser) => _browser = browser;

    [Theory]
    [InlineData("/dashboard?from=2016&to=2018", Roles.Official)]
    [InlineData("/bases/16R01", Roles.Official)]
    [InlineData("/entry/16R01/2018", Roles.Reviewer)]
    [InlineData("/import", Roles.Reviewer)]
    [InlineData("/completeness", Roles.Official)]
    public async Task HasNoSeriousOrCriticalViolations(string url, string role)
    {
        var (page, _) = await _browser.SignedInPageForAuditAsync("zh-CN", role);
        await page.GotoAsync(url);
        await page.AddScriptTagAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "Assets", "axe.min.js") });

        var result = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(' | '))");

        Assert.Empty(result.EnumerateArray().Select(v => v.GetString()));
    }
}
