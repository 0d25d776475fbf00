using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Localization;

namespace MieEvaluation.Web.Security;

/// <summary>
/// With <see cref="SecurityOptions.HttpsOnly"/>, a request that did not arrive over HTTPS (directly, or forwarded as
/// HTTPS by a known proxy) goes no further: a page read is redirected to HTTPS when the app knows an HTTPS port,
/// anything else gets a 400 that says to use HTTPS (problem details for the API). Without this the request would reach
/// the pages, whose Secure-only anti-forgery cookie cannot be set over HTTP (a 500), or the API, which would hand out
/// a token in clear text. <c>/health</c> stays open for load balancers that probe over plain HTTP.
/// </summary>
internal sealed class HttpsRequirementMiddleware(RequestDelegate next, IConfiguration configuration, IServer server, IStringLocalizer<SharedResource> localizer)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.IsHttps || context.Request.Path.StartsWithSegments("/health"))
        {
            return next(context);
        }

        var isApi = context.Request.Path.StartsWithSegments("/api");
        if (!isApi && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) && HttpsPort() is { } port)
        {
            var host = new HostString(context.Request.Host.Host, port);
            context.Response.Redirect($"https://{host}{context.Request.PathBase}{context.Request.Path}{context.Request.QueryString}", permanent: true, preserveMethod: true);
            return Task.CompletedTask;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        var title = localizer["Https.Required"].Value;
        var detail = localizer["Https.RequiredDetail"].Value;
        if (isApi)
        {
            return context.Response.WriteAsJsonAsync(new { type = "https://tools.ietf.org/html/rfc9110#section-15.5.1", title, status = 400, detail },
                options: null, contentType: "application/problem+json");
        }

        // A page of its own, without the layout: the layout's forms need the anti-forgery cookie that HTTP cannot carry.
        context.Response.ContentType = "text/html; charset=utf-8";
        var lang = System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? "zh-CN" : "en";
        return context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head>" +
            $"<body><main><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(detail)}</p></main></body></html>");
    }

    /// <summary>
    /// The standard <c>https_port</c> setting (<c>ASPNETCORE_HTTPS_PORT</c>; 443 behind a proxy), else the port of the
    /// app's own HTTPS endpoint; null when there is neither.
    /// </summary>
    private int? HttpsPort()
    {
        if (int.TryParse(configuration["https_port"], System.Globalization.CultureInfo.InvariantCulture, out var configured))
        {
            return configured;
        }

        var https = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => Uri.TryCreate(a.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri : null)
            .FirstOrDefault(u => u?.Scheme == Uri.UriSchemeHttps);
        return https?.Port;
    }
}
