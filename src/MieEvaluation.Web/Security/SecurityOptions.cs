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

    /// <summary>
    /// Addresses of the reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed
    /// (<c>Security:KnownProxies:0=10.0.0.5</c>). With neither this nor <see cref="KnownNetworks"/> set, only a proxy
    /// on loopback (127.0.0.1, ::1) is; with either set, only those are. Forwarded headers from any other address are
    /// ignored, so a client can neither pretend to be on HTTPS nor pick its own address for the rate limits.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation (<c>10.0.0.0/8</c>); see <see cref="KnownProxies"/>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>Whether a proxy is configured (<see cref="KnownProxies"/> or <see cref="KnownNetworks"/>).</summary>
    public bool HasConfiguredProxies => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    /// <summary>Login attempts per client address and minute before 429.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 20;

    /// <summary>Imports per user and minute before 429.</summary>
    public int ImportsPerMinute { get; set; } = 10;

    /// <summary>
    /// Imports running at once on an instance, all users together, before 429; each user may run one at a time. An
    /// import holds up to its file's size in memory (docs/benchmarks.md), so this bounds an instance's memory.
    /// </summary>
    public int ConcurrentImports { get; set; } = 2;
}
