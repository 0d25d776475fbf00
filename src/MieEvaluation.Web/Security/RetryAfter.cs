namespace MieEvaluation.Web.Security;

/// <summary>A wait as the <c>Retry-After</c> header gives it: whole seconds, rounded up, so a client never retries early.</summary>
public static class RetryAfter
{
    public static int Seconds(TimeSpan wait) => (int)Math.Ceiling(wait.TotalSeconds);

    public static string Header(TimeSpan wait) => Seconds(wait).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
