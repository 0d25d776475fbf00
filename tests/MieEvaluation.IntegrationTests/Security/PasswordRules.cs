using System.Net;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Security;

/// <summary>
/// A password must be long, not one of the most common ones (with digits added or letters swapped for digits), and not
/// built from the e-mail's name; each refusal says why in the reader's language and changes nothing.
/// </summary>
public sealed class PasswordRules
{
    [Theory]
    [InlineData("Password12")]
    [InlineData("Qwerty1234")]
    [InlineData("Passw0rd12")]
    [InlineData("iloveyou2026!")]
    [InlineData("Dragon-2026")]
    public async Task RefusesACommonPasswordAtAChangeAndKeepsTheOldOne(string common)
    {
        await using var app = new MieAppFactory();
        var (email, password, _) = await app.CreateUserAsync(Roles.Official);
        var user = await app.SignInAsync(email, password, "zh-CN");

        using var response = await user.PostFormAsync("/account/password", "/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = password, ["NewPassword"] = common, ["ConfirmPassword"] = common,
        });
        using var oldStillWorks = await app.CreateClient(new() { AllowAutoRedirect = false }).PostLoginAsync(email, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("该密码属于最常见的密码", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, oldStillWorks.StatusCode);
    }

    [Theory]
    [InlineData("zhang.wei2026-Hefei", "The password contains the name of your e-mail address")]
    [InlineData("Short-1a", "at least 10 characters")]
    public async Task RefusesAnAccountWhosePasswordIsBuiltFromItsEmailOrTooShort(string password, string message)
    {
        await using var app = new MieAppFactory();
        var admin = await app.SignInAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword, "en");

        using var refused = await admin.PostFormAsync("/admin/users/new", "/admin/users/new", new Dictionary<string, string>
        {
            ["Email"] = "zhang.wei@ministry.example", ["DisplayName"] = "张伟", ["Password"] = password, ["Roles"] = Roles.Official,
        });

        Assert.Contains(message, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "zhang.wei@ministry.example")));
    }

    [Fact]
    public async Task AcceptsALongUncommonPassword()
    {
        await using var app = new MieAppFactory();
        var admin = await app.SignInAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword, "en");

        using var created = await admin.PostFormAsync("/admin/users/new", "/admin/users/new", new Dictionary<string, string>
        {
            ["Email"] = "zhang.wei@ministry.example", ["DisplayName"] = "张伟", ["Password"] = "Huaihe-river-willows-27", ["Roles"] = Roles.Official,
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "zhang.wei@ministry.example")));
    }
}
