using System.Net;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Security;

public sealed class AccountSecurity : IClassFixture<MieAppFactory>
{
    private readonly MieAppFactory _app;

    public AccountSecurity(MieAppFactory app) => _app = app;

    [Fact]
    public async Task SignsInTheAdministratorConfiguredByEnvironment()
    {
        var client = await _app.SignInAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword);

        using var response = await client.GetAsync(new Uri("/admin/users", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SaysOnlyThatTheCredentialsAreWrongGivenAnUnknownEmail()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        using var response = await client.PostLoginAsync("nobody@test.mie", "Whatever-123");

        Assert.Contains("电子邮箱或密码错误", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectsAPostWithoutAntiforgeryToken()
    {
        var client = await _app.SignInAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword);
        var before = await _app.WithDbAsync(db => db.ExpertGroups.CountAsync());
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Year"] = "2024", ["Name"] = "No token" });

        using var response = await client.PostAsync(new Uri("/groups", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await _app.WithDbAsync(db => db.ExpertGroups.CountAsync()));
    }

    [Fact]
    public async Task SendsSecurityHeadersThatForbidInlineScriptAndFraming()
    {
        using var response = await _app.CreateClient().GetAsync(new Uri("/account/login", UriKind.Relative));

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/")]
    [InlineData("/bases")]
    [InlineData("/groups")]
    [InlineData("/admin/users")]
    [InlineData("/bases/16R01/issues")]
    [InlineData("/entry/16R01/2020")]
    [InlineData("/bases/16R01")]
    [InlineData("/dashboard")]
    [InlineData("/completeness")]
    [InlineData("/issues/summary")]
    [InlineData("/admin/categories")]
    public async Task PagesCarryNoInlineScriptOrStyle(string url)
    {
        var client = await _app.SignInAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword);

        var page = await client.GetDocumentAsync(url);

        // Executable scripts come from files; JSON data blocks are data, which the CSP does not run.
        Assert.All(page.QuerySelectorAll("script"), s => Assert.True(
            !string.IsNullOrEmpty(s.GetAttribute("src")) || s.GetAttribute("type") == "application/json", "inline <script>"));
        Assert.Empty(page.QuerySelectorAll("style, [style]"));
        Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task StoresDataProtectionKeysInTheDatabase()
    {
        _ = await _app.SignInAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword);

        Assert.True(await _app.WithDbAsync(db => db.DataProtectionKeys.CountAsync()) >= 1);
    }
}
