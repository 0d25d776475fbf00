using System.Net;
using MieEvaluation.IntegrationTests.Api;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Security;

/// <summary>
/// A session ends when it should, at the next request and whatever cookie copy the user or an attacker kept: at sign-out,
/// at a password change (with the tokens made before it), when an administrator takes the roles away.
/// </summary>
public sealed class SessionsThatEnd
{
    [Fact]
    public async Task RefusesTheCookieKeptFromBeforeTheSignOut()
    {
        await using var app = new MieAppFactory();
        var (email, password, _) = await app.CreateUserAsync(Roles.Evaluator);
        var (client, kept) = await SignInKeepingCookieAsync(app, email, password);

        var page = await client.GetDocumentAsync("/");
        using var logout = await client.PostAsync(new Uri("/account/logout", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = page.AntiforgeryToken() }));
        using var replayed = await Replay(app, kept, "/entry");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains("/account/login", replayed.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndsTheOtherSessionsAndRevokesTheTokensGivenAPasswordChange()
    {
        await using var app = new MieAppFactory();
        var (email, password, _) = await app.CreateUserAsync(Roles.Analyst);
        var (_, kept) = await SignInKeepingCookieAsync(app, email, password);
        var (api, _) = await app.TokenClientForAsync(email, password);
        var current = await app.SignInAsync(email, password, "en");

        using var changed = await current.PostFormAsync("/account/password", "/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = password, ["NewPassword"] = "A-new-one-2026-x", ["ConfirmPassword"] = "A-new-one-2026-x",
        });
        var message = await current.GetDocumentAsync("/account/password");
        using var stillHere = await current.GetAsync(new Uri("/dashboard", UriKind.Relative));
        using var otherSession = await Replay(app, kept, "/dashboard");
        using var oldToken = await api.GetAsync(new Uri("/api/v1/bases", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("1 API tokens were revoked", message.QuerySelector("[data-message]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stillHere.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, otherSession.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldToken.StatusCode);
    }

    [Fact]
    public async Task RefusesTheExportAtTheNextRequestGivenTheRolesWereRemoved()
    {
        await using var app = new MieAppFactory();
        var (email, password, id) = await app.CreateUserAsync(Roles.Analyst);
        var (_, kept) = await SignInKeepingCookieAsync(app, email, password);
        using var before = await Replay(app, kept, "/export/issues.csv");
        var admin = await app.SignInAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword);

        using var edited = await admin.PostFormAsync($"/admin/users/{id}", $"/admin/users/{id}", new Dictionary<string, string>
        {
            ["Email"] = email, ["DisplayName"] = "Former analyst",
        });
        using var after = await Replay(app, kept, "/export/issues.csv");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, after.StatusCode);
    }

    /// <summary>A client signed in through the login form, and the Cookie header its session sends.</summary>
    private static async Task<(HttpClient Client, string Cookie)> SignInKeepingCookieAsync(MieAppFactory app, string email, string password)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var jar = new Dictionary<string, string>();
        void Keep(HttpResponseMessage response)
        {
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0].Split('=', 2);
                jar[pair[0]] = pair[1];
            }

            client.DefaultRequestHeaders.Remove("Cookie");
            client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", jar.Select(p => $"{p.Key}={p.Value}")));
        }

        using var loginPage = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        Keep(loginPage);
        var form = await Html.ParseAsync(await loginPage.Content.ReadAsStringAsync());
        using var login = await client.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = form.AntiforgeryToken(),
        }));
        Keep(login);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return (client, client.DefaultRequestHeaders.GetValues("Cookie").Single());
    }

    /// <summary>A request with a kept Cookie header, from a client of its own.</summary>
    private static Task<HttpResponseMessage> Replay(MieAppFactory app, string cookie, string url)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client.GetAsync(new Uri(url, UriKind.Relative));
    }
}
