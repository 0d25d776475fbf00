using MieEvaluation.Web.ViewModels.Figures;

namespace MieEvaluation.Web.Services.Figures;

/// <summary>
/// Once the app has started, computes the figures of the dashboard's default view (national table and the region
/// split) into the exact cache, so that the first official after a restart does not wait for them: at 12,000 bases
/// that is most of the first dashboard's time. Exactness is the cache's: a write since then makes them stale keys.
/// </summary>
internal sealed partial class FigureWarmUp(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider clock, FigureCache cache,
    ILogger<FigureWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!cache.Enabled)
        {
            return;
        }

        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        try
        {
            using var scope = scopes.CreateScope();
            var figures = scope.ServiceProvider.GetRequiredService<FiguresService>();
            var query = await new FigureFilterInput().ToQueryAsync(new HashSet<string>(), figures, clock.GetUtcNow().Year, stoppingToken);
            await figures.NationalAsync(query, stoppingToken);
            await figures.BreakdownAsync(query, Breakdown.Region, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Only a head start: the first dashboard computes the figures itself.
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming the figure cache failed")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
