using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.Security;

/// <summary>
/// An HTTPS-only app (the default outside Development) reached over plain HTTP, directly or through a proxy it does
/// not know: every route answers a redirect or a clear 400, never a 500 and never a token.
/// </summary>
public sealed class PlainHttpInProduction
{
    private static MieAppFactory HttpsOnlyApp(string? log = null) => new MieAppFactory().With("Security:HttpsOnly", "true")
        .With("LogFiles:Path", log ?? Path.ChangeExtension(TestPaths.NewDatabaseFile(), ".log")).With("LogFiles:RollingInterval", "Infinite");

    [Fact]
    public async Task AnswersEveryGetRouteWithoutAServerErrorAndSaysToUseHttps()
    {
        await using var app = HttpsOnlyApp();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") != false)
            .Select(e => Url(e.RoutePattern.RawText ?? "")).Distinct().ToList();

        var answers = new List<(string Url, HttpStatusCode Status, string Body)>();
        foreach (var url in routes)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            answers.Add((url, response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        Assert.True(routes.Count > 40, $"{routes.Count} routes");
        Assert.All(answers.Where(a => a.Url != "/health"), a => Assert.True(a.Status == HttpStatusCode.BadRequest, $"{a.Url}: {(int)a.Status}"));
        Assert.Equal(HttpStatusCode.OK, answers.Single(a => a.Url == "/health").Status);
        Assert.Contains("请使用 HTTPS 访问", answers.Single(a => a.Url == "/account/login").Body, StringComparison.Ordinal);
        Assert.Equal("请使用 HTTPS 访问", JsonDocument.Parse(answers.Single(a => a.Url == "/api/v1/bases").Body).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task RedirectsPageReadsGivenAnHttpsPortAndRefusesToIssueATokenOverHttp()
    {
        await using var app = HttpsOnlyApp().With("https_port", "8443");
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var page = await client.GetAsync(new Uri("/dashboard?from=2016", UriKind.Relative));
        using var form = await client.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "x" }));
        using var token = await client.PostAsJsonAsync(new Uri("/api/v1/tokens", UriKind.Relative),
            new { email = MieAppFactory.AdminEmail, password = MieAppFactory.AdminPassword, name = "script" });
        var tokenBody = await token.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.PermanentRedirect, page.StatusCode);
        Assert.Equal("https://localhost:8443/dashboard?from=2016", page.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, token.StatusCode);
        Assert.Equal("application/problem+json", token.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("\"token\"", tokenBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BelievesForwardedHeadersFromKnownProxiesOnly()
    {
        var log = Path.ChangeExtension(TestPaths.NewDatabaseFile(), ".log");
        await using var trusted = HttpsOnlyApp(log);                                          // default: a proxy on loopback
        await using var untrusted = HttpsOnlyApp().With("Security:KnownProxies:0", "10.9.9.9"); // loopback is not that proxy
        var fromLoopback = await KestrelClientAsync(trusted);
        var fromElsewhere = await KestrelClientAsync(untrusted);

        using var forwarded = await GetForwardedAsync(fromLoopback);
        using var ignored = await GetForwardedAsync(fromElsewhere);

        Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, ignored.StatusCode);
        Assert.Contains("GET /account/login responded 200 in", TestPaths.ReadShared(log), StringComparison.Ordinal);
        Assert.Contains("for 203.0.113.7 over https", TestPaths.ReadShared(log), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WarnsOnceAtStartGivenNoHttpsEndpointAndNoProxy()
    {
        var bare = Path.ChangeExtension(TestPaths.NewDatabaseFile(), ".log");
        var proxied = Path.ChangeExtension(TestPaths.NewDatabaseFile(), ".log");
        await using (var app = HttpsOnlyApp(bare))
        {
            _ = app.CreateClient();
        }

        await using (var app = HttpsOnlyApp(proxied).With("Security:KnownNetworks:0", "10.0.0.0/8"))
        {
            _ = app.CreateClient();
        }

        const string warning = "Security:HttpsOnly is on, but the app listens on no HTTPS endpoint";
        Assert.Single(TestPaths.ReadShared(bare).Split('\n'), line => line.Contains(warning, StringComparison.Ordinal));
        Assert.Contains("Security:KnownProxies", TestPaths.ReadShared(bare), StringComparison.Ordinal);
        Assert.DoesNotContain(warning, TestPaths.ReadShared(proxied), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesToStartGivenAProxySettingThatIsNotAnAddress()
    {
        var (exitCode, output) = await AppProcess.RunToExitAsync(new Dictionary<string, string>
        {
            ["Database__SqlitePath"] = TestPaths.NewDatabaseFile(),
            ["Security__KnownNetworks__0"] = "10.0.0.0/33",
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("Security:KnownNetworks:0 is not a network in CIDR notation", output, StringComparison.Ordinal);
    }

    /// <summary>A client of the app on a real Kestrel port: the connection comes from 127.0.0.1, as a local proxy's would.</summary>
    private static Task<HttpClient> KestrelClientAsync(MieAppFactory app)
    {
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        return Task.FromResult(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) });
    }

    private static Task<HttpResponseMessage> GetForwardedAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        return client.SendAsync(request);
    }

    /// <summary>Fills a route pattern's parameters with plausible values.</summary>
    private static string Url(string pattern)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(?<name>[A-Za-z]+)[^}]*\}", m => m.Groups["name"].Value switch
        {
            "code" => "16R01",
            "year" => "2020",
            _ => "1",
        });
        return "/" + path.TrimStart('/');
    }
}
