using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Domain.Statistics;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Services.Figures;

namespace MieEvaluation.IntegrationTests.Figures;

public sealed class FiguresServiceBreakdowns : IClassFixture<SeedPanel.Fixture>
{
    private readonly MieAppFactory _app;

    public FiguresServiceBreakdowns(SeedPanel.Fixture fixture) => _app = fixture.App;

    private async Task<T> WithServiceAsync<T>(Func<FiguresService, Task<T>> work)
    {
        using var scope = _app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<FiguresService>());
    }

    /// <summary>The independent expectation: mean and N of one indicator and year per group key, computed in memory.</summary>
    private async Task<Dictionary<string, (decimal Mean, int N)>> ExpectedAsync(string indicator, int year, Func<DemonstrationBase, string> key)
    {
        var rows = await _app.WithDbAsync(db => db.IndicatorValues
            .Where(v => v.Indicator.Code == indicator && v.Submission.Year == year)
            .Select(v => new { v.Value, v.Submission.Base, v.Submission.Base.Province }).ToListAsync());
        return rows.GroupBy(r => key(r.Base)).ToDictionary(g => g.Key, g => (g.Sum(r => r.Value!.Value) / g.Count(), g.Count()));
    }

    [Theory]
    [InlineData(Breakdown.Region)]
    [InlineData(Breakdown.Type)]
    [InlineData(Breakdown.Batch)]
    [InlineData(Breakdown.Province)]
    public async Task MatchesAnIndependentGroupingGivenEachBreakdown(Breakdown by)
    {
        Func<DemonstrationBase, string> key = by switch
        {
            Breakdown.Region => b => b.Province.Region.ToCode(),
            Breakdown.Type => b => b.Type.ToCode(),
            Breakdown.Batch => b => b.BatchYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => b => b.Province.Code,
        };
        var expected = await ExpectedAsync("people_trained", 2018, key);

        var breakdown = await WithServiceAsync(s => s.BreakdownAsync(new FigureQuery(2016, 2018), by));
        var groups = breakdown.Single(b => b.Indicator.Code == "people_trained").Groups
            .Where(g => g.Key != FiguresService.CentralAndWest)
            .ToDictionary(g => g.Key, g => g.Growth.Yearly.Single(y => y.Year == 2018));

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), groups.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, e => Assert.Equal((e.Value.Mean, e.Value.N), (groups[e.Key].Value!.Value, groups[e.Key].N)));
    }

    [Fact]
    public async Task CombinesCentralAndWestFromTheirSumsNotTheirMeans()
    {
        var rows = await _app.WithDbAsync(db => db.IndicatorValues
            .Where(v => v.Indicator.Code == "patents_granted" && v.Submission.Year == 2017 &&
                        (v.Submission.Base.Province.Region == Region.Central || v.Submission.Base.Province.Region == Region.West))
            .Select(v => v.Value).ToListAsync());

        var breakdown = await WithServiceAsync(s => s.BreakdownAsync(new FigureQuery(2016, 2018), Breakdown.Region));
        var combined = breakdown.Single(b => b.Indicator.Code == "patents_granted").Groups
            .Single(g => g.Key == FiguresService.CentralAndWest).Growth.Yearly.Single(y => y.Year == 2017);

        Assert.Equal(rows.Count, combined.N);
        Assert.Equal(rows.Sum() / rows.Count, combined.Value);
    }

    [Fact]
    public async Task RanksABaseAmongTheBasesOfItsType()
    {
        var haidian = await _app.WithDbAsync(db => db.Bases.SingleAsync(b => b.Code == "16R01"));
        var peers = await _app.WithDbAsync(db => db.IndicatorValues
            .Where(v => v.Indicator.Code == "new_market_entities" && v.Submission.Year == 2018 && v.Submission.Base.Type == haidian.Type)
            .Select(v => new { v.Submission.BaseId, v.Value })
            .ToDictionaryAsync(v => v.BaseId, v => v.Value!.Value));

        var figures = await WithServiceAsync(s => s.ForBaseAsync(haidian.Id, new FigureQuery(2016, 2018)));
        var market = figures.Single(f => f.Indicator.Code == "new_market_entities");
        var year2018 = market.Years.Single(y => y.Year == 2018);

        Assert.Equal(PeerStanding.Of(haidian.Id, peers), year2018.Standing);
        Assert.Equal(peers[haidian.Id], year2018.Value);
        Assert.Equal(Growth.Cagr(2016, market.Years[0].Value, 2018, year2018.Value), market.Cagr);
        Assert.Equal(2, market.YearOnYear.Count);
    }

    [Fact]
    public async Task LeavesYearsBeforeTheBatchEmptyForABaseOfThe2017Batch()
    {
        var joiner = await _app.WithDbAsync(db => db.Bases.Where(b => b.Code == "17T001").Select(b => b.Id).SingleAsync());

        var figures = await WithServiceAsync(s => s.ForBaseAsync(joiner, new FigureQuery(2016, 2018)));

        Assert.All(figures, f =>
        {
            Assert.Null(f.Years[0].Value);
            Assert.Null(f.Years[0].Standing);
            Assert.Equal(GrowthUndefinedReason.MissingStartYear, f.Cagr.UndefinedReason);
        });
    }
}
