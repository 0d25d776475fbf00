using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Api;

/// <summary>Every API endpoint with a token of each role, and the tokens that must not work.</summary>
public sealed class ApiAuthorization : IClassFixture<MieAppFactory>
{
    private readonly MieAppFactory _app;

    public ApiAuthorization(MieAppFactory app) => _app = app;

    private static readonly string[] Figures = [Roles.Administrator, Roles.Reviewer, Roles.Official, Roles.Analyst];
    private static readonly string[] Exports = [Roles.Administrator, Roles.Analyst];
    /// <summary>The registry is the office's: a base contact, who sees only its own base, is refused it (403).</summary>
    private static readonly string[] Office = [.. Roles.Office];

    public static TheoryData<string, string> Calls => new()
    {
        { "GET", "/api/v1/bases" },
        { "GET", "/api/v1/indicators" },
        { "GET", "/api/v1/figures/national" },
        { "GET", "/api/v1/figures/bases/16R01" },
        { "GET", "/api/v1/issues" },
        { "GET", "/api/v1/completeness" },
        { "GET", "/api/v1/values" },
        { "GET", "/api/v1/values.csv" },
        { "POST", "/api/v1/values/import?dryRun=true" },
        { "POST", "/api/v1/bases/import?dryRun=true" },
    };

    private static string[] Allowed(string url) => url switch
    {
        _ when url.StartsWith("/api/v1/bases/import", StringComparison.Ordinal) => [Roles.Administrator],
        _ when url.StartsWith("/api/v1/values/import", StringComparison.Ordinal) => [Roles.Evaluator, Roles.Reviewer],
        _ when url.StartsWith("/api/v1/values", StringComparison.Ordinal) => Exports,
        "/api/v1/bases" or "/api/v1/indicators" => Office,
        _ => Figures,
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task AnswersEachRoleAsDecided(string method, string url)
    {
        var mismatches = new List<string>();
        foreach (var role in Roles.All)
        {
            var (client, _, _) = await _app.TokenClientAsync(role);
            using var response = method == "POST"
                ? await client.PostAsync(new Uri(url, UriKind.Relative), ApiClients.Csv("base_code,year,indicator_code,value\n"))
                : await client.GetAsync(new Uri(url, UriKind.Relative));
            var allowed = Allowed(url).Contains(role);
            // An allowed import of a header-only file is refused as content (422), never as authorization.
            var ok = allowed ? response.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity : response.StatusCode == HttpStatusCode.Forbidden;
            if (!ok)
            {
                mismatches.Add($"{role} {method} {url}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public async Task RefusesMissingUnknownRevokedAndExpiredTokensAndTheCookie()
    {
        var (client, token, userId) = await _app.TokenClientAsync(Roles.Official);
        var cookie = await _app.SignedInClientAsync(Roles.Official);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/bases", UriKind.Relative))).StatusCode);

        var none = await _app.CreateClient().GetAsync(new Uri("/api/v1/bases", UriKind.Relative));
        var unknown = await ApiClients.WithToken(_app, "mie_not-a-real-token-at-all").GetAsync(new Uri("/api/v1/bases", UriKind.Relative));
        var viaCookie = await cookie.GetAsync(new Uri("/api/v1/bases", UriKind.Relative));
        await _app.WithDbAsync(async db =>
        {
            var stored = await db.PersonalAccessTokens.SingleAsync(t => t.UserId == userId);
            stored.ExpiresAtUtc = DateTime.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });
        var expired = await client.GetAsync(new Uri("/api/v1/bases", UriKind.Relative));

        var (revokedClient, _, revokedUser) = await _app.TokenClientAsync(Roles.Official);
        await _app.WithDbAsync(async db =>
        {
            (await db.PersonalAccessTokens.SingleAsync(t => t.UserId == revokedUser)).RevokedAtUtc = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        var revoked = await revokedClient.GetAsync(new Uri("/api/v1/bases", UriKind.Relative));

        Assert.All(new[] { none, unknown, viaCookie, expired, revoked }, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("mie_", token, StringComparison.Ordinal);
        Assert.False(await _app.WithDbAsync(db => db.PersonalAccessTokens.AnyAsync(t => t.Hash == token)));
    }
}
