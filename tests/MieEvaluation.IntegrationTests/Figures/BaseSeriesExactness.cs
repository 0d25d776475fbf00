using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Statistics;
using MieEvaluation.IntegrationTests.Api;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Data.Series;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Figures;

namespace MieEvaluation.IntegrationTests.Figures;

/// <summary>
/// The packed series the figures read (<see cref="BaseSeries"/>) equal the values after every kind of write, stay
/// untouched by a write that is rolled back, and are rebuilt at start-up where missing; and the figures computed from
/// them equal the Domain's reference definitions applied to the raw values.
/// </summary>
public sealed class BaseSeriesExactness : IAsyncLifetime
{
    private static readonly FigureQuery Report = new(2016, 2019);
    private readonly MieAppFactory _app = new();

    public async Task InitializeAsync()
    {
        _ = _app.CreateClient();
        await _app.WithDbAsync(db => SeedPanel.BuildAsync(db));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task FollowEveryKindOfWriteThroughTheModel()
    {
        await AssertSeriesEqualValuesAsync();

        await _app.WithDbAsync(async db =>
        {
            var value = await db.IndicatorValues.OrderBy(v => v.Id).FirstAsync();
            value.Value += 12.5m;
            return await db.SaveChangesAsync();
        });
        await AssertSeriesEqualValuesAsync();

        await _app.WithDbAsync(async db =>
        {
            var submission = await db.Submissions.OrderBy(s => s.Id).Skip(3).FirstAsync();
            submission.Status = SubmissionStatus.Approved;
            return await db.SaveChangesAsync();
        });
        await AssertSeriesEqualValuesAsync();

        await _app.WithDbAsync(async db =>
        {
            db.IndicatorValues.Remove(await db.IndicatorValues.OrderBy(v => v.Id).Skip(40).FirstAsync());
            var baseId = await db.Bases.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();
            var form = new Submission { BaseId = baseId, Year = 2019, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow };
            form.Values.Add(new IndicatorValue { IndicatorId = await db.Indicators.Select(i => i.Id).FirstAsync(), Value = 7m });
            db.Submissions.Add(form);
            return await db.SaveChangesAsync();
        });
        await AssertSeriesEqualValuesAsync();

        await _app.WithDbAsync(async db =>
        {
            db.Submissions.Remove(await db.Submissions.OrderBy(s => s.Id).Skip(10).FirstAsync());
            return await db.SaveChangesAsync();
        });
        await AssertSeriesEqualValuesAsync();
        await AssertFiguresEqualReferenceAsync();
    }

    [Fact]
    public async Task FollowAnImportAndMatchTheReferenceFigures()
    {
        var (client, _, _) = await _app.TokenClientAsync(Roles.Reviewer);
        var codes = await _app.WithDbAsync(db => db.Bases.OrderBy(b => b.Code).Select(b => b.Code).Take(30).ToListAsync());
        var csv = "base_code,year,indicator_code,value\n" + string.Concat(codes.Select((code, i) =>
            $"{code},2019,patents_granted,{100 + i}\n{code},2019,people_trained,{5000 + (i * 7)}\n")); // 2016–2018 are approved, locked

        using var response = await client.PostAsync(new Uri("/api/v1/values/import", UriKind.Relative), ApiClients.Csv(csv));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await AssertSeriesEqualValuesAsync();
        await AssertFiguresEqualReferenceAsync();
    }

    [Fact]
    public async Task StayAsTheyWereWhenTheWriteIsRolledBack()
    {
        var before = await SeriesAsync();

        await _app.WithDbAsync(db => db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var value in await db.IndicatorValues.Take(50).ToListAsync())
            {
                value.Value += 1;
            }

            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        }));

        Assert.Equal(before, await SeriesAsync());
        await AssertSeriesEqualValuesAsync();
    }

    [Fact]
    public async Task AreRebuiltAtStartWhereMissing()
    {
        var expected = await SeriesAsync();
        await _app.WithDbAsync(db => db.BaseSeries.Where(s => s.BaseId % 2 == 0).ExecuteDeleteAsync());
        Assert.NotEqual(expected.Count, (await SeriesAsync()).Count);

        await _app.WithDbAsync(async db =>
        {
            await BaseSeriesMaintenance.RebuildMissingAsync(db);
            return 0;
        });

        Assert.Equal(expected, await SeriesAsync());
    }

    /// <summary>Every base's series, decoded and in a canonical order, as text (so that two snapshots compare simply).</summary>
    private Task<Dictionary<int, string>> SeriesAsync() => _app.WithDbAsync(async db =>
        (await db.BaseSeries.AsNoTracking().ToListAsync()).ToDictionary(s => s.BaseId, s => Describe(Decode(s.Data))));

    private async Task AssertSeriesEqualValuesAsync()
    {
        var fromValues = await _app.WithDbAsync(async db => (await db.IndicatorValues.AsNoTracking()
                .Select(v => new { v.Submission.BaseId, v.Submission.Year, v.Submission.Status, v.IndicatorId, v.Value })
                .ToListAsync())
            .GroupBy(v => v.BaseId)
            .ToDictionary(g => g.Key, g => Describe(g.Select(v => new SeriesEntry(v.Year, v.Status, v.IndicatorId, v.Value!.Value)))));

        Assert.Equal(fromValues, await SeriesAsync());
    }

    private async Task AssertFiguresEqualReferenceAsync()
    {
        using var scope = _app.Services.CreateScope();
        var computed = await scope.ServiceProvider.GetRequiredService<FiguresService>().ComputeNationalAsync(Report);
        var db = scope.ServiceProvider.GetRequiredService<MieDbContext>();
        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.Submission.Year >= Report.FromYear && v.Submission.Year <= Report.ToYear)
            .Select(v => new { v.IndicatorId, v.Submission.BaseId, v.Submission.Year, v.Value }).ToListAsync();

        foreach (var row in computed.Rows)
        {
            var ofIndicator = values.Where(v => v.IndicatorId == row.Indicator.Id).Select(v => new BaseYearValue(v.BaseId, v.Year, v.Value!.Value)).ToList();
            var all = SeriesGrowth.FromBaseValues(ofIndicator, row.Indicator.Aggregation, Report.FromYear, Report.ToYear);
            var balanced = SeriesGrowth.FromBaseValues(ofIndicator, row.Indicator.Aggregation, Report.FromYear, Report.ToYear,
                Panel.BalancedBaseIds(ofIndicator, Report.FromYear, Report.ToYear));
            Assert.Equal(all.Yearly, row.AllReporting.Yearly);
            Assert.Equal(all.MedianBaseCagr, row.AllReporting.MedianBaseCagr);
            Assert.Equal(balanced.Yearly, row.BalancedPanel.Yearly);
            Assert.Equal(balanced.MedianBaseCagr, row.BalancedPanel.MedianBaseCagr);
        }
    }

    private static List<SeriesEntry> Decode(byte[] data)
    {
        var entries = new List<SeriesEntry>();
        var reader = SeriesPacking.Read(data);
        while (reader.Next(out var entry))
        {
            entries.Add(entry);
        }

        return entries;
    }

    private static string Describe(IEnumerable<SeriesEntry> entries) => string.Join(';', entries
        .OrderBy(e => e.Year).ThenBy(e => e.IndicatorId)
        .Select(e => FormattableString.Invariant($"{e.Year}/{e.Status}/{e.IndicatorId}={e.Value:0.0000}")));
}
