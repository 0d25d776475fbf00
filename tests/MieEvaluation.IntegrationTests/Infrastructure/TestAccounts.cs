using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Infrastructure;

/// <summary>Accounts for tests, created through the app's own UserManager, and clients signed in through the login form.</summary>
public static class TestAccounts
{
    public static string NewPassword() => $"Pw{Convert.ToHexString(RandomNumberGenerator.GetBytes(8))}a1";

    /// <summary>Creates an account with the given roles (none for a plain signed-in user) and returns its email and password.</summary>
    public static async Task<(string Email, string Password, string Id)> CreateUserAsync(this MieAppFactory app, params string[] roles)
    {
        var email = $"{string.Join("-", roles.DefaultIfEmpty("user")).ToLowerInvariant()}-{Guid.NewGuid():N}@test.mie";
        var password = NewPassword();
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, DisplayName = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        if (roles.Length > 0)
        {
            await users.AddToRolesAsync(user, roles);
        }

        return (email, password, user.Id);
    }

    /// <summary>A client signed in as a new account holding <paramref name="roles"/>.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this MieAppFactory app, params string[] roles)
    {
        var (email, password, _) = await app.CreateUserAsync(roles);
        return await app.SignInAsync(email, password);
    }

    /// <summary>A client signed in through the login form; <paramref name="language"/> becomes its Accept-Language.</summary>
    public static async Task<HttpClient> SignInAsync(this MieAppFactory app, string email, string password, string? language = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        using var response = await client.PostLoginAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {email} answered {(int)response.StatusCode}");
        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string email, string password)
    {
        var page = await client.GetDocumentAsync("/account/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = page.AntiforgeryToken(),
        });
        return await client.PostAsync(new Uri("/account/login", UriKind.Relative), form);
    }

    /// <summary>Posts a form with the anti-forgery token taken from <paramref name="pageUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, string actionUrl,
        IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var all = fields.Append(new("__RequestVerificationToken", page.AntiforgeryToken()));
        using var form = new FormUrlEncodedContent(all);
        return await client.PostAsync(new Uri(actionUrl, UriKind.Relative), form);
    }
}
