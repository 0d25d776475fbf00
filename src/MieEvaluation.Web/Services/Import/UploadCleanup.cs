namespace MieEvaluation.Web.Services.Import;

/// <summary>
/// Removes expired previewed uploads every quarter of an hour (and at start), so that an abandoned preview does not
/// stay in the database. Every instance runs it; the delete is idempotent.
/// </summary>
internal sealed partial class UploadCleanup(IServiceScopeFactory scopes, ILogger<UploadCleanup> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var removed = await scope.ServiceProvider.GetRequiredService<UploadStore>().RemoveExpiredAsync(stoppingToken);
                if (removed > 0)
                {
                    LogRemoved(logger, removed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database not yet migrated at the first tick, or briefly unreachable: the next tick tries again.
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} expired import previews")]
    private static partial void LogRemoved(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove expired import previews; trying again in 15 minutes")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
