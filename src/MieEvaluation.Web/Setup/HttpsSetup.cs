using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HttpOverrides;
using MieEvaluation.Web.Security;

namespace MieEvaluation.Web.Setup;

/// <summary>
/// TLS as deployed: Kestrel's own HTTPS (the standard <c>Kestrel:Certificates</c> / <c>Kestrel:Endpoints</c>
/// settings) or a reverse proxy that terminates TLS and forwards the scheme and the client address
/// (docs/deploy-linux.md). With <see cref="SecurityOptions.HttpsOnly"/>: HSTS, Secure-only cookies, and no request
/// served over plain HTTP (<see cref="HttpsRequirementMiddleware"/>).
/// </summary>
internal static partial class HttpsSetup
{
    public static WebApplicationBuilder AddMieHttps(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>() ?? new SecurityOptions();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (!options.HasConfiguredProxies)
            {
                return; // the framework's default: a proxy on loopback only
            }

            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var (text, index) in options.KnownProxies.Select((t, i) => (t, i)))
            {
                o.KnownProxies.Add(IPAddress.TryParse(text, out var address) ? address
                    : throw new StartupConfigurationException($"Security:KnownProxies:{index} is not an IP address: \"{text}\"."));
            }

            foreach (var (text, index) in options.KnownNetworks.Select((t, i) => (t, i)))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(text, out var network) ? network
                    : throw new StartupConfigurationException($"Security:KnownNetworks:{index} is not a network in CIDR notation (10.0.0.0/8): \"{text}\"."));
            }
        });
        // HSTS for every host name, loopback included: HttpsOnly is off in Development, so this is a deployment.
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.ExcludedHosts.Clear();
        });
        return builder;
    }

    /// <summary>First in the pipeline: everything after it sees the client's address and scheme as the proxy saw them.</summary>
    public static WebApplication UseMieForwardedHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    /// <summary>After localisation, so that the refusal of plain HTTP is in the reader's language.</summary>
    public static WebApplication UseMieHttpsRequirement(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<SecurityOptions>();
        if (!options.HttpsOnly)
        {
            return app;
        }

        app.UseHsts();
        app.UseMiddleware<HttpsRequirementMiddleware>();
        app.Lifetime.ApplicationStarted.Register(() => WarnWithoutHttps(app, options));
        return app;
    }

    /// <summary>An HTTPS-only app that nobody can reach over HTTPS: one warning that names the settings.</summary>
    private static void WarnWithoutHttps(WebApplication app, SecurityOptions options)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (!options.HasConfiguredProxies && !addresses.Any(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase)))
        {
            LogNoHttps(app.Logger, string.Join(", ", addresses));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Security:HttpsOnly is on, but the app listens on no HTTPS endpoint ({Addresses}) and no reverse proxy is configured: " +
        "requests are refused unless a proxy on this machine forwards them as HTTPS. Give Kestrel a certificate " +
        "(Kestrel:Certificates:Default:Path) or name the proxy (Security:KnownProxies, Security:KnownNetworks); see docs/deploy-linux.md.")]
    private static partial void LogNoHttps(ILogger logger, string addresses);
}
