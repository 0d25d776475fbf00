using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Services.Figures;

/// <summary>
/// Server-side output caching of pages that show only figures (the dashboard), exact in the same way as
/// <see cref="FigureCache"/>: the key holds the figures' <see cref="DataVersion"/>, read per request, so any write
/// that affects the figures makes the next request render afresh (docs/decisions/0013-figure-page-output-cache.md).
/// </summary>
/// <remarks>
/// A page also carries who is signed in (menu, name) and anti-forgery tokens bound to the browser's own cookie, so the
/// key holds a hash of the sign-in and anti-forgery cookies and the UI culture: a page is only ever served back to the
/// browser session it was rendered for. Responses that set a cookie or are not 200 are never stored.
/// </remarks>
/// <remarks>On and off with the figure cache (setting <c>Figures:Cache</c>).</remarks>
internal sealed class FigurePageOutputCache : IOutputCachePolicy
{
    public const string Name = "FigurePages";

    /// <summary>The cookies a figure page depends on: sign-in (menu, name) and anti-forgery (tokens in the forms).</summary>
    internal static readonly string[] SessionCookies = [Setup.SecuritySetup.AuthCookie, Setup.SecuritySetup.AntiforgeryCookie];

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        if (!http.RequestServices.GetRequiredService<FigureCache>().Enabled || !HttpMethods.IsGet(http.Request.Method) ||
            http.User.Identity?.IsAuthenticated != true)
        {
            context.EnableOutputCaching = false;
            return;
        }

        var version = await FigureCache.VersionAsync(http.RequestServices.GetRequiredService<MieDbContext>(), cancellation);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["data"] = version.ToString(CultureInfo.InvariantCulture);
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        context.CacheVaryByRules.VaryByValues["session"] = SessionHash(http.Request.Cookies);
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A hash, so that no cookie value is kept in the cache's keys.</summary>
    private static string SessionHash(IRequestCookieCollection cookies)
    {
        var text = string.Join('\n', SessionCookies.Select(name => cookies.TryGetValue(name, out var value) ? value : ""));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
