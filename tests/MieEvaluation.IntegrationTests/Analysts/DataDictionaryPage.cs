using MieEvaluation.Domain.Statistics;
using MieEvaluation.IntegrationTests.Figures;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Analysts;

/// <summary>Issue 15: the data dictionary page, and finding 7 — the balanced panel stated as formed per indicator where the switch is.</summary>
public sealed class DataDictionaryPage : IClassFixture<SeedPanel.Fixture>
{
    private readonly MieAppFactory _app;

    public DataDictionaryPage(SeedPanel.Fixture fixture) => _app = fixture.App;

    [Fact]
    public async Task ListsEveryIndicatorCategoryReasonCodeAndTheCodeScheme()
    {
        var client = await _app.SignedInClientAsync(Roles.Evaluator);
        var expectedIndicators = await _app.WithDbAsync(db => Task.FromResult(db.Indicators.Select(i => i.Code).ToList()));
        var expectedCategories = await _app.WithDbAsync(db => Task.FromResult(db.IssueCategories.Select(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList()));

        var page = await client.GetDocumentAsync("/dictionary", "en");

        Assert.Equal(expectedIndicators.Order(), page.QuerySelectorAll("[data-indicator]").Select(e => e.GetAttribute("data-indicator")!).Order());
        Assert.Equal(expectedCategories.Order(), page.QuerySelectorAll("[data-category]").Select(e => e.GetAttribute("data-category")!).Order());
        Assert.Equal(Enum.GetNames<GrowthUndefinedReason>().Order(), page.QuerySelectorAll("[data-reason]").Select(e => e.GetAttribute("data-reason")!).Order());
        Assert.Contains("16C01", page.QuerySelector("#dictionary-codes")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("per indicator", page.QuerySelector("[data-panel-rule]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDashboardSaysTheBalancedPanelIsFormedPerIndicator()
    {
        var client = await _app.SignedInClientAsync(Roles.Official);

        var english = await client.GetDocumentAsync("/dashboard?panel=balanced", "en");
        var chinese = await client.GetDocumentAsync("/dashboard?panel=balanced", "zh-CN");

        Assert.Contains("formed per indicator", english.QuerySelector("[data-panel=balanced]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("按指标分别构成", chinese.QuerySelector("[data-panel=balanced]")!.TextContent, StringComparison.Ordinal);
    }
}
