using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Issues;
using MieEvaluation.Domain.Registry;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Services.Figures;

namespace MieEvaluation.IntegrationTests.Figures;

/// <summary>The figure cache never serves figures older than the last write that affects them.</summary>
public sealed class FigureCacheExactness : IAsyncLifetime
{
    private static readonly FigureQuery Report = new(2016, 2018);
    private readonly MieAppFactory _app = new();

    public async Task InitializeAsync()
    {
        _ = _app.CreateClient();
        await _app.WithDbAsync(db => SeedPanel.BuildAsync(db));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<T> FiguresAsync<T>(Func<FiguresService, Task<T>> read)
    {
        using var scope = _app.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<FiguresService>());
    }

    private static decimal Mean(NationalFigures figures, string code, int year) =>
        figures.Rows.Single(r => r.Indicator.Code == code).AllReporting.Yearly.Single(y => y.Year == year).Value!.Value;

    [Fact]
    public async Task ServesTheSameResultGivenNoWriteInBetween()
    {
        var first = await FiguresAsync(f => f.NationalAsync(Report));
        var second = await FiguresAsync(f => f.NationalAsync(Report));

        Assert.Same(first, second);
    }

    [Fact]
    public async Task ReflectsASavedValueAtTheNextRequest()
    {
        var before = await FiguresAsync(f => f.NationalAsync(Report));
        await _app.WithDbAsync(async db =>
        {
            var value = await db.IndicatorValues.FirstAsync(v => v.Indicator.Code == "patents_granted" && v.Submission.Year == 2017);
            value.Value += 120; // 120 bases report in 2017: the mean rises by exactly 1
            return await db.SaveChangesAsync();
        });

        var after = await FiguresAsync(f => f.NationalAsync(Report));
        var computed = await FiguresAsync(f => f.ComputeNationalAsync(Report));

        Assert.Equal(Mean(before, "patents_granted", 2017) + 1, Mean(after, "patents_granted", 2017));
        Assert.Equal(Mean(computed, "patents_granted", 2017), Mean(after, "patents_granted", 2017));
    }

    [Fact]
    public async Task ReflectsAStatusChangeGivenAStatusFilter()
    {
        var approvedOnly = Report with { Statuses = new HashSet<SubmissionStatus> { SubmissionStatus.Approved } };
        var before = await FiguresAsync(f => f.NationalAsync(approvedOnly));
        await _app.WithDbAsync(async db =>
        {
            var submission = await db.Submissions.FirstAsync(s => s.Year == 2018 && s.Values.Any(v => v.IndicatorId == before.Rows[0].Indicator.Id));
            submission.Status = SubmissionStatus.Submitted;
            return await db.SaveChangesAsync();
        });
        var approved2018 = await _app.WithDbAsync(db => db.IndicatorValues.CountAsync(v =>
            v.Submission.Year == 2018 && v.Submission.Status == SubmissionStatus.Approved && v.IndicatorId == before.Rows[0].Indicator.Id));

        var after = await FiguresAsync(f => f.NationalAsync(approvedOnly));

        Assert.Equal(approved2018 + 1, before.Rows[0].AllReporting.Yearly[2].N);
        Assert.Equal(approved2018, after.Rows[0].AllReporting.Yearly[2].N);
    }

    [Fact]
    public async Task ReflectsARegistryChangeInTheRegionBreakdown()
    {
        var before = await FiguresAsync(f => f.BreakdownAsync(Report, Breakdown.Region));
        await _app.WithDbAsync(async db =>
        {
            var haidian = await db.Bases.SingleAsync(b => b.Code == "16R01");
            haidian.ProvinceId = await db.Provinces.Where(p => p.Code == "Gansu").Select(p => p.Id).SingleAsync();
            return await db.SaveChangesAsync();
        });

        var after = await FiguresAsync(f => f.BreakdownAsync(Report, Breakdown.Region));

        static int WestN(IReadOnlyList<IndicatorBreakdown> b) => b[0].Groups.Single(g => g.Key == "west").Growth.Yearly[0].N;
        Assert.Equal(WestN(before) + 1, WestN(after));
    }

    [Fact]
    public async Task KeepsTheVersionGivenAWriteThatDoesNotAffectFigures()
    {
        var before = await _app.WithDbAsync(db => db.DataVersions.Select(v => v.Version).SingleAsync());
        await _app.WithDbAsync(async db =>
        {
            db.IssueReports.Add(new IssueReport
            {
                BaseId = await db.Bases.Select(b => b.Id).FirstAsync(),
                CategoryId = await db.IssueCategories.Select(c => c.Id).FirstAsync(),
                Year = 2018,
                Text = "Not a figure",
            });
            return await db.SaveChangesAsync();
        });

        Assert.Equal(before, await _app.WithDbAsync(db => db.DataVersions.Select(v => v.Version).SingleAsync()));
    }
}
