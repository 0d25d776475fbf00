namespace MieEvaluation.IntegrationTests.Infrastructure;

/// <summary>
/// A clock that stands still until the test moves it, for what the app decides by the date (the evaluation round,
/// an expiry): the test sets the time instead of waiting for it.
/// </summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
