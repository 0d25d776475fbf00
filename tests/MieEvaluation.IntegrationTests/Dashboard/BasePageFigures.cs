using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Statistics;
using MieEvaluation.IntegrationTests.Figures;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Dashboard;

public sealed class BasePageFigures : IClassFixture<SeedPanel.Fixture>
{
    private readonly MieAppFactory _app;

    public BasePageFigures(SeedPanel.Fixture fixture) => _app = fixture.App;

    [Fact]
    public async Task ShowsEachIndicatorsUnitAndExplainsTheRankNotation()
    {
        var official = await _app.SignedInClientAsync(Roles.Official);

        var page = await official.GetDocumentAsync("/bases/16R01", "zh-CN");

        Assert.Equal("平方米", page.QuerySelector("#base-values tr[data-indicator='incubation_area_m2'] [data-unit]")!.TextContent.Trim());
        Assert.Equal("万人", page.QuerySelector("#base-values tr[data-indicator='new_urban_jobs_10k'] [data-unit]")!.TextContent.Trim());
        var legend = page.QuerySelector("[data-standing-legend]")!.TextContent;
        Assert.Contains("#名次/N", legend, StringComparison.Ordinal);
        Assert.Contains("区域示范基地", legend, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowsTheBasesValuesWithItsRankAmongItsTypeAndTheComparisonData()
    {
        var haidian = await _app.WithDbAsync(db => db.Bases.SingleAsync(b => b.Code == "16R01"));
        var peers = await _app.WithDbAsync(db => db.IndicatorValues
            .Where(v => v.Indicator.Code == "people_trained" && v.Submission.Year == 2018 && v.Submission.Base.Type == haidian.Type)
            .Select(v => new { v.Submission.BaseId, v.Value }).ToDictionaryAsync(v => v.BaseId, v => v.Value!.Value));
        var expected = PeerStanding.Of(haidian.Id, peers)!;
        var official = await _app.SignedInClientAsync(Roles.Official);

        var page = await official.GetDocumentAsync("/bases/16R01", "en");
        var cell = page.QuerySelector("#base-values tr[data-indicator='people_trained'] td[data-year='2018'] [data-rank]")!;

        Assert.Equal(expected.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), cell.GetAttribute("data-rank"));
        Assert.Equal(expected.N.ToString(System.Globalization.CultureInfo.InvariantCulture), cell.GetAttribute("data-n"));
        Assert.NotNull(page.QuerySelector("script#base-data[type='application/json']"));
        Assert.Equal(12, page.QuerySelectorAll("#base-values tbody tr").Length);
        Assert.Equal(24, page.QuerySelectorAll("#base-compare tbody tr").Length); // the chart's comparison series as a table
    }
}
