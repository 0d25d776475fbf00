using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Admin;

public sealed class UserAdministration : IClassFixture<MieAppFactory>
{
    private readonly MieAppFactory _app;

    public UserAdministration(MieAppFactory app) => _app = app;

    [Fact]
    public async Task CreatesAnAccountWithSeveralRolesThatCanSignIn()
    {
        var admin = await _app.SignInAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword, "en");
        var password = TestAccounts.NewPassword();

        using var created = await admin.PostFormAsync("/admin/users/new", "/admin/users/new",
        [
            new("Email", "li.hua@test.mie"), new("DisplayName", "李华"), new("Password", password),
            new("Roles", Roles.Official), new("Roles", Roles.Analyst),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var roles = await users.GetRolesAsync((await users.FindByEmailAsync("li.hua@test.mie"))!);
        Assert.Equal([Roles.Analyst, Roles.Official], roles.Order(StringComparer.Ordinal));
        _ = await _app.SignInAsync("li.hua@test.mie", password);
    }

    [Theory]
    [InlineData("not-an-email", "Aa1-good-password", "Official", "is not a valid email address")]
    [InlineData("weak@test.mie", "short", "Official", "at least 10 characters")]
    [InlineData("role@test.mie", "Aa1-good-password", "Emperor", "Unknown role \"Emperor\"")]
    [InlineData("admin@test.mie", "Aa1-good-password", "Official", "already exists")]
    public async Task RefusesWithAMessageGivenBadAccountInput(string email, string password, string role, string message)
    {
        var admin = await _app.SignInAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword, "en");

        using var response = await admin.PostFormAsync("/admin/users/new", "/admin/users/new",
            [new("Email", email), new("DisplayName", "Someone"), new("Password", password), new("Roles", role)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangesRolesOfAnExistingAccount()
    {
        var admin = await _app.SignInAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword, "en");
        var (email, _, id) = await _app.CreateUserAsync(Roles.Official);

        using var response = await admin.PostFormAsync($"/admin/users/{id}", $"/admin/users/{id}",
            [new("Email", email), new("DisplayName", "Renamed"), new("Roles", Roles.Reviewer)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(id);
        Assert.Equal("Renamed", user!.DisplayName);
        Assert.Equal([Roles.Reviewer], await users.GetRolesAsync(user));
    }
}
