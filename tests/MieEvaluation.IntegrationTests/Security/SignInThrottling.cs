using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Security;

/// <summary>
/// Failed sign-ins delay further attempts — per e-mail from an address, per e-mail, per address — and never lock the
/// account: the owner on another machine still gets in, and an unknown e-mail is answered like a known one. Clients
/// come from different addresses through <c>X-Forwarded-For</c>, which the app believes from a proxy on loopback.
/// </summary>
public sealed class SignInThrottling : IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly CountingHasher _hasher = new();
    private MieAppFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = new MieAppFactory().WithServices(s =>
        {
            s.AddSingleton<TimeProvider>(_clock);
            s.AddScoped<IPasswordHasher<AppUser>>(_ => _hasher);
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task DelaysTheSixthAttemptFromOneAddressButLetsTheOwnerInFromAnother()
    {
        var (email, password, _) = await _app.CreateUserAsync(Roles.Official);
        var attacker = ClientFrom("203.0.113.10", "en");

        var wrong = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            wrong.Add((await attacker.PostLoginAsync(email, "Wrong-password-1")).StatusCode);
        }

        using var sixth = await attacker.PostLoginAsync(email, password);
        using var owner = await ClientFrom("198.51.100.20", "en").PostLoginAsync(email, password);

        Assert.All(wrong, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Equal("5", sixth.Headers.GetValues("Retry-After").Single());
        Assert.Contains("Try again in 5 seconds", await sixth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
        var user = await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Null(user.LockoutEnd);
    }

    [Fact]
    public async Task DoublesTheWaitAtEachFurtherFailureAndForgetsTheEmailAfterASuccess()
    {
        var (email, password, _) = await _app.CreateUserAsync(Roles.Official);
        var client = ClientFrom("203.0.113.11", "zh-CN");
        for (var i = 0; i < 5; i++)
        {
            await client.PostLoginAsync(email, "Wrong-password-1");
        }

        _clock.Now += TimeSpan.FromSeconds(5);
        using var sixthWrong = await client.PostLoginAsync(email, "Wrong-password-1");
        using var refused = await client.PostLoginAsync(email, password);
        _clock.Now += TimeSpan.FromSeconds(9);
        using var stillRefused = await client.PostLoginAsync(email, password);
        _clock.Now += TimeSpan.FromSeconds(1);
        using var admitted = await client.PostLoginAsync(email, password);

        Assert.Equal(HttpStatusCode.OK, sixthWrong.StatusCode);
        Assert.Equal("10", refused.Headers.GetValues("Retry-After").Single());
        Assert.Contains("请在 10 秒后重试", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(("1", HttpStatusCode.TooManyRequests), (stillRefused.Headers.GetValues("Retry-After").Single(), stillRefused.StatusCode));
        Assert.Equal(HttpStatusCode.Redirect, admitted.StatusCode);
        // The e-mail's counts start again; the address's count stays (a guesser cannot clear it with an account of their own).
        var left = await _app.WithDbAsync(db => db.SignInThrottles.ToListAsync());
        Assert.DoesNotContain(left, t => t.Email == email);
        Assert.Equal(6, Assert.Single(left, t => t.Address == "203.0.113.11" && t.Email == "").Failures);
    }

    [Fact]
    public async Task KeepsTheOwnerOfAnAccountAttackedFromManyAddressesWaitingAMinuteAtMost()
    {
        var (email, password, _) = await _app.CreateUserAsync(Roles.Official);
        // A patient attacker on 30 addresses: each guess from a fresh address, waiting out every delay it is given.
        var waits = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            using var guess = await ClientFrom($"192.0.2.{i + 1}").PostLoginAsync(email, $"Guess-number-{i}");
            if (guess.StatusCode == HttpStatusCode.TooManyRequests)
            {
                waits.Add(guess.Headers.GetValues("Retry-After").Single());
                _clock.Now += TimeSpan.FromSeconds(int.Parse(waits[^1], System.Globalization.CultureInfo.InvariantCulture));
                i--;
            }
        }

        using var delayed = await ClientFrom("198.51.100.30").PostLoginAsync(email, password);
        _clock.Now += TimeSpan.FromSeconds(int.Parse(delayed.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture));
        using var admitted = await ClientFrom("198.51.100.30").PostLoginAsync(email, password);

        Assert.Equal(["5", "10", "20", "40", "60", "60"], waits.Take(6));
        Assert.Equal(HttpStatusCode.TooManyRequests, delayed.StatusCode);
        Assert.Equal("60", delayed.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.Redirect, admitted.StatusCode);
    }

    [Fact]
    public async Task SlowsOneAddressTryingManyEmails()
    {
        var client = ClientFrom("203.0.113.12", "en");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
        {
            answers.Add((await client.PostLoginAsync($"someone{i}@test.mie", "Whatever-123")).StatusCode);
        }

        Assert.All(answers.Take(20), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[20]);
    }

    [Fact]
    public async Task AnswersAnUnknownEmailAsAKnownOneAfterVerifyingAPasswordForIt()
    {
        var (email, _, _) = await _app.CreateUserAsync(Roles.Official);
        var known = ClientFrom("203.0.113.13", "en");
        var unknown = ClientFrom("203.0.113.14", "en");
        var knownAnswers = new List<string>();
        var unknownAnswers = new List<string>();
        var verificationsPerUnknownAttempt = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            knownAnswers.Add(await AnswerAsync(await known.PostLoginAsync(email, "Wrong-password-1")));
            var before = _hasher.Verifications;
            unknownAnswers.Add(await AnswerAsync(await unknown.PostLoginAsync("nobody-here@test.mie", "Wrong-password-1")));
            verificationsPerUnknownAttempt.Add(_hasher.Verifications - before);
        }

        Assert.Equal(knownAnswers, unknownAnswers);
        Assert.Equal("200 The email or password is wrong.", knownAnswers[0]);
        Assert.StartsWith("429 Too many failed sign-ins", knownAnswers[5], StringComparison.Ordinal);
        // The unknown e-mail's five checked attempts each verify a password (against the stand-in hash); the delayed sixth verifies none.
        Assert.Equal([1, 1, 1, 1, 1, 0], verificationsPerUnknownAttempt);
    }

    [Fact]
    public async Task DelaysTokenRequestsTooWithRetryAfter()
    {
        var (email, password, _) = await _app.CreateUserAsync(Roles.Official);
        var client = ClientFrom("203.0.113.15");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsJsonAsync(new Uri("/api/v1/tokens", UriKind.Relative), new { email, password = "Wrong-pass-1" })).StatusCode);
        }

        using var delayed = await client.PostAsJsonAsync(new Uri("/api/v1/tokens", UriKind.Relative), new { email, password });
        var problem = await delayed.Content.ReadFromJsonAsync<JsonElement>();
        _clock.Now += TimeSpan.FromSeconds(5);
        using var issued = await client.PostAsJsonAsync(new Uri("/api/v1/tokens", UriKind.Relative), new { email, password });

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, delayed.StatusCode);
        Assert.Equal("application/problem+json", delayed.Content.Headers.ContentType!.MediaType);
        Assert.Equal("5", delayed.Headers.GetValues("Retry-After").Single());
        Assert.Contains("try again in 5 s", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
    }

    [Fact]
    public async Task ShowsTheCountsToTheAdministratorWhoClearsOne()
    {
        var (email, password, _) = await _app.CreateUserAsync(Roles.Official);
        var client = ClientFrom("203.0.113.16", "en");
        for (var i = 0; i < 5; i++)
        {
            await client.PostLoginAsync(email, "Wrong-password-1");
        }

        var admin = await _app.SignInAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword, "en");
        var page = await admin.GetDocumentAsync("/admin/sign-in-throttles");
        var rows = page.QuerySelectorAll("#throttles tbody tr").Where(r => r.GetAttribute("data-throttle-address") == "203.0.113.16" ||
            r.GetAttribute("data-throttle-email") == email).ToList();
        var pair = rows.Single(r => r.GetAttribute("data-throttle-kind") == "EmailAtAddress");
        using var clear = await admin.PostFormAsync("/admin/sign-in-throttles", pair.QuerySelector("form")!.GetAttribute("action")!, []);
        using var admitted = await client.PostLoginAsync(email, password);
        var zh = await admin.GetDocumentAsync("/admin/sign-in-throttles", "zh-CN");

        Assert.Equal(3, rows.Count);
        Assert.Equal(["5", "5", "5"], rows.Select(r => r.QuerySelectorAll("td")[3].TextContent));
        Assert.Equal(email, pair.QuerySelectorAll("td")[1].TextContent);
        Assert.EndsWith("UTC", pair.QuerySelectorAll("td")[5].TextContent, StringComparison.Ordinal); // delayed: the time it ends
        Assert.Equal(HttpStatusCode.Redirect, clear.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, admitted.StatusCode);
        Assert.Contains("该地址（所有邮箱）", zh.QuerySelector("#throttles")!.TextContent, StringComparison.Ordinal);
    }

    private HttpClient ClientFrom(string address, string language = "en")
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>The status and the form's error message, the page's only part that depends on the attempt.</summary>
    private static async Task<string> AnswerAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
            return $"{(int)response.StatusCode} {page.QuerySelector("[data-form-errors]")?.TextContent.Trim()}";
        }
    }

    /// <summary>The application's own hasher, counting its verifications.</summary>
    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _real = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(AppUser user, string password) => _real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
