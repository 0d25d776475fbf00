using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Domain.Statistics;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Services.Figures;

namespace MieEvaluation.IntegrationTests.Figures;

public sealed class FiguresServiceNational : IClassFixture<SeedPanel.Fixture>
{
    private readonly MieAppFactory _app;
    private readonly IReadOnlySet<int> _batch2016;

    public FiguresServiceNational(SeedPanel.Fixture fixture)
    {
        _app = fixture.App;
        _batch2016 = fixture.Batch2016;
    }

    private async Task<NationalFigures> NationalAsync(FigureQuery query)
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<FiguresService>().NationalAsync(query);
    }

    [Fact]
    public async Task ReproducesTheReportsTableExactly()
    {
        var figures = await NationalAsync(new FigureQuery(2016, 2018));

        var seed = SeedPanel.ReadSeedTable();
        Assert.Equal(seed.Select(r => r.Code), figures.Rows.Select(r => r.Indicator.Code));
        foreach (var (row, expected) in figures.Rows.Zip(seed))
        {
            var all = row.AllReporting;
            Assert.Equal(expected.Means, all.Yearly.Select(y => y.Value!.Value));
            Assert.Equal([28, 120, 120], all.Yearly.Select(y => y.N));
            Assert.Equal(expected.CagrPercent, Percent.Round(all.Cagr.Rate!.Value));
        }
    }

    [Fact]
    public async Task CountsOnlyBasesReportingEveryYearGivenTheBalancedPanel()
    {
        var figures = await NationalAsync(new FigureQuery(2016, 2018));

        var expected = await _app.WithDbAsync(async db => (await db.IndicatorValues
                .Where(v => _batch2016.Contains(v.Submission.BaseId) && v.Indicator.Code == "new_market_entities")
                .Select(v => new { v.Submission.Year, v.Value }).ToListAsync())
            .GroupBy(v => v.Year).OrderBy(g => g.Key).Select(g => g.Sum(v => v.Value!.Value) / g.Count()).ToList());
        var market = figures.Rows.Single(r => r.Indicator.Code == "new_market_entities");

        Assert.Equal([28, 28, 28], market.BalancedPanel.Yearly.Select(y => y.N));
        Assert.Equal(expected, market.BalancedPanel.Yearly.Select(y => y.Value!.Value));
        Assert.Equal(11740m, market.BalancedPanel.Yearly[0].Value); // in 2016 only the 2016 batch reports anyway
        Assert.Equal(28, market.BalancedPanel.MedianBaseCagr.N);
        Assert.Equal(28, market.AllReporting.MedianBaseCagr.N);
        Assert.Equal(92, market.AllReporting.MedianBaseCagr.BasesWithoutGrowth); // joined in 2017: no 2016 value
    }

    [Fact]
    public async Task ReportsUndefinedGrowthWithItsReasonGivenAYearWithoutData()
    {
        var figures = await NationalAsync(new FigureQuery(2015, 2018));

        var cagr = figures.Rows[0].AllReporting.Cagr;
        Assert.Null(cagr.Rate);
        Assert.Equal(GrowthUndefinedReason.MissingStartYear, cagr.UndefinedReason);
        Assert.Equal(0, figures.Rows[0].AllReporting.Yearly[0].N);
        Assert.Null(figures.Rows[0].AllReporting.Yearly[0].Value);
    }

    [Fact]
    public async Task FiltersToTheChosenBases()
    {
        var figures = await NationalAsync(new FigureQuery(2017, 2018, Regions: new HashSet<Region> { Region.East }, Type: BaseType.Regional));

        var expected = await _app.WithDbAsync(async db => (await db.IndicatorValues
                .Where(v => v.Submission.Year == 2017 && v.Indicator.Code == "patents_granted" &&
                            v.Submission.Base.Province.Region == Region.East && v.Submission.Base.Type == BaseType.Regional)
                .Select(v => v.Value).ToListAsync()));
        var patents = figures.Rows.Single(r => r.Indicator.Code == "patents_granted").AllReporting.Yearly[0];

        Assert.Equal(expected.Count, patents.N);
        Assert.Equal(expected.Sum() / expected.Count, patents.Value);
    }

    [Fact]
    public async Task UsesAFixedNumberOfQueriesWhateverTheNumberOfIndicatorsAndYears()
    {
        var commands = new CommandCounter();
        using var subscription = DiagnosticListener.AllListeners.Subscribe(commands);
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MieDbContext>();
        commands.Context = db;

        await scope.ServiceProvider.GetRequiredService<FiguresService>().NationalAsync(new FigureQuery(2016, 2018));

        // indicators, all-reporting sums, balanced sums, balanced base ids, end-year values
        Assert.InRange(commands.Count, 1, 5);
    }

    private sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        private int _count;

        public DbContext? Context { get; set; }

        public int Count => _count;

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                value.Subscribe(this);
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data && ReferenceEquals(data.Context, Context))
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
