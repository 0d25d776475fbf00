using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.IntegrationTests.Api;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Security;

/// <summary>
/// An administrator disables an account with a reason: it cannot sign in, its session and tokens stop at once, the
/// change is in its history. An account without a role reaches its home and password pages only.
/// </summary>
public sealed class DisabledAndRolelessAccounts
{
    [Fact]
    public async Task EndsTheSessionAndTheTokensAndRefusesTheSignInOfADisabledAccount()
    {
        await using var app = new MieAppFactory();
        var (email, password, id) = await app.CreateUserAsync(Roles.Official);
        var official = await app.SignInAsync(email, password, "en");
        var (api, _) = await app.TokenClientForAsync(email, password);
        var admin = await app.SignInAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword, "en");

        using var noReason = await admin.PostFormAsync($"/admin/users/{id}/status", $"/admin/users/{id}/disable", new Dictionary<string, string> { ["reason"] = " " });
        using var disabled = await admin.PostFormAsync($"/admin/users/{id}/status", $"/admin/users/{id}/disable", new Dictionary<string, string> { ["reason"] = "Left the ministry" });
        using var session = await official.GetAsync(new Uri("/dashboard", UriKind.Relative));
        using var token = await api.GetAsync(new Uri("/api/v1/bases", UriKind.Relative));
        var fresh = app.CreateClient(new() { AllowAutoRedirect = false });
        fresh.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        using var signIn = await fresh.PostLoginAsync(email, password);
        using var wrongPassword = await fresh.PostLoginAsync(email, "Not-the-password-1");
        var status = await admin.GetDocumentAsync($"/admin/users/{id}/status");

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, session.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        Assert.Contains("This account is disabled", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("disabled", await wrongPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("disabled", status.QuerySelector("[data-account-status]")!.GetAttribute("data-account-status"));
        var entry = Assert.Single(await app.WithDbAsync(db => db.AccountAuditEntries.Where(a => a.UserId == id).ToListAsync()));
        Assert.Equal((AccountAction.Disabled, "Left the ministry", MieAppFactory.AdminEmail), (entry.Action, entry.Reason, entry.ByUserName));
    }

    [Fact]
    public async Task LetsTheAccountSignInAgainOnceEnabledButNotDisableItsOwn()
    {
        await using var app = new MieAppFactory();
        var (email, password, id) = await app.CreateUserAsync(Roles.Evaluator);
        var adminId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == MieAppFactory.AdminEmail).Select(u => u.Id).SingleAsync());
        var admin = await app.SignInAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword, "zh-CN");

        using var own = await admin.PostFormAsync($"/admin/users/{adminId}/status", $"/admin/users/{adminId}/disable", new Dictionary<string, string> { ["reason"] = "试一试" });
        using var off = await admin.PostFormAsync($"/admin/users/{id}/status", $"/admin/users/{id}/disable", new Dictionary<string, string> { ["reason"] = "休假" });
        using var on = await admin.PostFormAsync($"/admin/users/{id}/status", $"/admin/users/{id}/enable", new Dictionary<string, string> { ["reason"] = "返岗" });
        using var signIn = await app.CreateClient(new() { AllowAutoRedirect = false }).PostLoginAsync(email, password);

        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains("不能停用自己的账户", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal([AccountAction.Disabled, AccountAction.Enabled],
            await app.WithDbAsync(db => db.AccountAuditEntries.Where(a => a.UserId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task ShowsAnAccountWithoutARoleItsHomeAndPasswordPagesOnly()
    {
        await using var app = new MieAppFactory();
        var (email, password, _) = await app.CreateUserAsync();
        var roleless = await app.SignInAsync(email, password, "en");

        var home = await roleless.GetDocumentAsync("/");
        using var passwordPage = await roleless.GetAsync(new Uri("/account/password", UriKind.Relative));
        var refused = new List<HttpStatusCode>();
        foreach (var url in new[] { "/bases", "/bases/16R01", "/bases/16R01/issues", "/dictionary", "/account/tokens", "/export/issues.csv" })
        {
            using var response = await roleless.GetAsync(new Uri(url, UriKind.Relative));
            refused.Add(response.StatusCode);
        }

        using var tokenRequest = await app.CreateClient().PostAsJsonAsync(new Uri("/api/v1/tokens", UriKind.Relative), new { email, password, name = "x" });

        Assert.NotNull(home.QuerySelector("[data-no-role]"));
        Assert.Null(home.QuerySelector("a[href='/bases']"));
        Assert.Equal(HttpStatusCode.OK, passwordPage.StatusCode);
        Assert.All(refused, status => Assert.Equal(HttpStatusCode.Forbidden, status));
        Assert.Equal(HttpStatusCode.Forbidden, tokenRequest.StatusCode);
    }
}
