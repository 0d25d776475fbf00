using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Services.Figures;
using MieEvaluation.Web.ViewModels.Figures;

namespace MieEvaluation.IntegrationTests.Figures;

/// <summary>After a start the dashboard's default figures are already in the exact cache, computed before any request.</summary>
public sealed class FigureWarmUpAtStart
{
    [Fact]
    public async Task ComputesTheDefaultDashboardFiguresBeforeTheFirstRequest()
    {
        var path = TestPaths.NewDatabaseFile();
        await using (var first = new MieAppFactory(path))
        {
            _ = first.CreateClient();
            await first.WithDbAsync(db => SeedPanel.BuildAsync(db));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var app = new MieAppFactory(path);
        _ = app.CreateClient();
        var warmUp = app.Services.GetServices<IHostedService>().OfType<FigureWarmUp>().Single();
        await warmUp.ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(1));

        // Behind the app's back (no data version bump): what is computed from now on sees no values at all.
        await app.WithDbAsync(db => db.BaseSeries.ExecuteDeleteAsync());
        using var scope = app.Services.CreateScope();
        var figures = scope.ServiceProvider.GetRequiredService<FiguresService>();
        var query = new FigureFilterInput().ToQuery(new HashSet<string>(), await figures.LatestYearAsync(MieEvaluation.Domain.Evaluation.FigureScope.Approved), DateTime.UtcNow.Year);
        var served = await figures.NationalAsync(query);
        var computedNow = await figures.ComputeNationalAsync(query);

        Assert.Equal(120, served.Rows[0].AllReporting.Yearly.Single(y => y.Year == 2018).N); // from the warm cache
        Assert.Equal(0, computedNow.Rows[0].AllReporting.Yearly.Single(y => y.Year == 2018).N);
    }
}
