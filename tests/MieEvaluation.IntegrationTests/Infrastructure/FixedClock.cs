namespace MieEvaluation.IntegrationTests.Infrastructure;

/// <summary>A clock stopped at one instant, for what the app decides by the date (the evaluation round).</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
