using System.Net;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Security;

/// <summary>Data never sits in a shared or browser cache; with HTTPS on, cookies carry the <c>__Host-</c> prefix.</summary>
public sealed class CachingAndCookieNames
{
    [Theory]
    [InlineData("/export/growth.csv")]
    [InlineData("/export/issues.xlsx")]
    [InlineData("/dashboard")]
    [InlineData("/bases/16R01")]
    [InlineData("/api/v1/bases")]
    [InlineData("/no-such-page")]
    public async Task AnswersWithNoStore(string url)
    {
        await using var app = new MieAppFactory();
        var analyst = await app.SignedInClientAsync(Roles.Analyst);

        using var response = await analyst.GetAsync(new Uri(url, UriKind.Relative));

        Assert.True(response.Headers.CacheControl?.NoStore == true, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task LetsStaticFilesBeCached()
    {
        await using var app = new MieAppFactory();

        using var response = await app.CreateClient().GetAsync(new Uri("/css/site.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.CacheControl?.NoStore ?? false, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task NamesTheCookiesWithTheHostPrefixGivenHttpsOnly()
    {
        await using var app = new MieAppFactory().With("Security:HttpsOnly", "true");
        var https = app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        using var page = await https.GetAsync(new Uri("/account/login", UriKind.Relative));
        using var login = await https.PostLoginAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword);

        var antiforgery = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.Contains("mie.xsrf", StringComparison.Ordinal));
        var auth = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.Contains("mie.auth", StringComparison.Ordinal));
        foreach (var cookie in new[] { antiforgery, auth })
        {
            Assert.StartsWith("__Host-", cookie, StringComparison.Ordinal);
            Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        }
    }
}
