namespace MieEvaluation.Web.Security;

/// <summary>The <c>Security</c> section.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// HTTPS redirection, HSTS and Secure-only cookies. On by default; off in appsettings.Development.json and in
    /// test hosts, which talk plain HTTP on loopback.
    /// </summary>
    public bool HttpsOnly { get; set; } = true;

    /// <summary>Login attempts per client address and minute before 429.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 20;

    /// <summary>Imports per user and minute before 429.</summary>
    public int ImportsPerMinute { get; set; } = 10;
}
