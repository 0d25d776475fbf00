using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.Security;

/// <summary>Behaviour that needs a host of its own: HTTPS cookies, rate limits, the first-start setup link, crashes.</summary>
public sealed class HostingSecurity
{
    [Fact]
    public async Task IssuesSecureHttpOnlySameSiteCookiesAndRedirectsHttpGivenHttpsOnly()
    {
        await using var app = new MieAppFactory().With("Security:HttpsOnly", "true").With("https_port", "443");
        var https = app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var http = app.CreateClient(new() { AllowAutoRedirect = false });

        using var login = await https.PostLoginAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword);
        using var plain = await http.GetAsync(new Uri("/account/login", UriKind.Relative));

        var auth = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-mie.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.PermanentRedirect, plain.StatusCode);
        Assert.StartsWith("https://", plain.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersTooManyRequestsGivenRepeatedLogins()
    {
        await using var app = new MieAppFactory().With("Security:LoginAttemptsPerMinute", "3");
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostLoginAsync("someone@test.mie", "Wrong-password-1");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("Too many requests", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task CreatesTheFirstAdministratorOnceThroughTheLoggedSetupLink()
    {
        var log = Path.Combine(Path.GetTempPath(), "mie-tests", $"{Guid.NewGuid():N}.log");
        await using var app = new MieAppFactory()
            .With("MIE_ADMIN_EMAIL", null).With("MIE_ADMIN_PASSWORD", null)
            .With("LogFiles:Path", log).With("LogFiles:RollingInterval", "Infinite");
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var token = ReadSetupToken(log);
        var setupUrl = $"/account/setup?token={token}";
        Dictionary<string, string> Fields(string password) => new()
        {
            ["Token"] = token, ["Email"] = "first@test.mie", ["DisplayName"] = "First", ["Password"] = password, ["ConfirmPassword"] = password,
        };

        using var weak = await client.PostFormAsync(setupUrl, "/account/setup", Fields("short"));
        var password = TestAccounts.NewPassword();
        using var created = await client.PostFormAsync(setupUrl, "/account/setup", Fields(password));
        using var again = await client.GetAsync(new Uri(setupUrl, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("at least 10 characters", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        var admin = await app.SignInAsync("first@test.mie", password);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/admin/users", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain(password, File.ReadAllText(log), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowsAFriendlyPageWithTheCorrelationIdThatTheLogHasGivenACrash()
    {
        var log = Path.Combine(Path.GetTempPath(), "mie-tests", $"{Guid.NewGuid():N}.log");
        await using var app = new CrashingAppFactory();
        app.With("LogFiles:Path", log).With("LogFiles:RollingInterval", "Infinite");
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        using var response = await client.GetAsync(new Uri("/test/crash", UriKind.Relative));
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        var correlationId = page.QuerySelector("[data-correlation-id]")?.TextContent.Trim();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("InvalidOperationException", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(correlationId));
        await app.DisposeAsync();
        var logged = File.ReadAllText(log);
        Assert.Contains("Simulated failure", logged, StringComparison.Ordinal);
        Assert.Contains(correlationId, logged, StringComparison.Ordinal);
    }

    private static string ReadSetupToken(string log)
    {
        var text = File.ReadAllText(log);
        var marker = "/account/setup?token=";
        var start = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, "The setup link was not logged.");
        return new string(text[(start + marker.Length)..].TakeWhile(char.IsLetterOrDigit).ToArray());
    }

    private sealed class CrashingAppFactory : MieAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.AddControllersWithViews().AddApplicationPart(typeof(CrashController).Assembly));
        }
    }
}

/// <summary>Only mounted by the crashing host above.</summary>
[AllowAnonymous]
[Route("test/crash")]
public sealed class CrashController : Controller
{
    [HttpGet("")]
#pragma warning disable CA1822 // MVC actions are instance methods.
    public IActionResult Crash() => throw new InvalidOperationException("Simulated failure");
#pragma warning restore CA1822
}
