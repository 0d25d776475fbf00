using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Groups;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Operations;

/// <summary>
/// The deployment of docs/deploy-linux.md, for real: nginx with the guide's own site file and a self-signed
/// certificate terminates TLS in front of two published app processes in Production on one SQLite file, round robin.
/// nginx alternates the instances request by request; each step below checks in the two instances' request logs that
/// its requests really were served by different instances. The client connects from 127.0.0.3, so the logged client
/// address proves the forwarded header is read.
/// </summary>
public sealed class ReverseProxyDeployment
{
    private const string ClientAddress = "127.0.0.3";

    /// <summary>The indicator codes as the app seeds them.</summary>
    private static readonly string[] Indicators =
        [.. File.ReadAllLines(TestPaths.SeedFile("indicators.csv")).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0])];

    [Fact]
    public async Task TwoInstancesBehindNginxShareSessionsImportsAndFiguresOverHttps()
    {
        var root = Path.Combine(Path.GetTempPath(), "mie-tests", Guid.NewGuid().ToString("N"));
        var database = Path.Combine(root, "data", "mie.db");
        var (email, password) = await PrepareDatabaseAsync(database);
        var httpsPort = NginxProxy.FreePort();
        var dll = await PublishedBuild.AppDllAsync();
        Dictionary<string, string> Settings(string name) => new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__SqlitePath"] = database,
            ["Security__KnownProxies__0"] = "127.0.0.1",
            ["ASPNETCORE_HTTPS_PORT"] = httpsPort.ToString(CultureInfo.InvariantCulture),
            ["LogFiles__Path"] = Path.Combine(root, $"{name}.log"),
            ["LogFiles__RollingInterval"] = "Infinite",
        };
        await using var first = await AppProcess.StartAsync(dll, root, Settings("first"));
        await using var second = await AppProcess.StartAsync(dll, root, Settings("second"));
        await using var nginx = await NginxProxy.StartAsync(httpsPort, first.BaseAddress, second.BaseAddress);
        var logs = new InstanceLogs(Path.Combine(root, "first.log"), Path.Combine(root, "second.log"));
        using var client = Client(nginx, out var cookies);

        // Plain HTTP to nginx is a redirect to HTTPS; HTTPS answers carry HSTS.
        using (var plain = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
        {
            using var redirect = await plain.GetAsync(new Uri($"http://127.0.0.1:{nginx.HttpPort}/dashboard"));
            Assert.Equal(HttpStatusCode.PermanentRedirect, redirect.StatusCode);
            Assert.Equal($"https://127.0.0.1:{httpsPort}/dashboard", redirect.Headers.Location!.ToString());
        }

        // Signed in on one instance, the session works on the other.
        using var login = await client.PostLoginAsync(email, password);
        using var entry = await client.GetAsync(new Uri("/entry?year=2021", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, entry.StatusCode);
        Assert.Contains("max-age=31536000", Assert.Single(entry.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        var authCookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-mie.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", authCookie, StringComparison.OrdinalIgnoreCase);
        logs.AssertDifferentInstances("POST /account/login", "GET /entry");

        // Both instances have the dashboard in their caches (figures and page) before the import.
        Assert.Equal(("0", "—"), await DashboardCellAsync(client, "/dashboard?from=2019&to=2020", "patents_granted", 2020));
        Assert.Equal(("0", "—"), await DashboardCellAsync(client, "/dashboard?from=2019&to=2020", "patents_granted", 2020));
        logs.AssertBothServed("GET /dashboard");

        // An import previewed on one instance is confirmed on the other, and the next dashboard request on either counts
        // it: the caches follow the database's data version (a complete form, so that it can be approved).
        var preview = await PreviewAsync(client, $"base_code,year,{string.Join(',', Indicators)}\n16R01,2020,{string.Join(',', Indicators.Select(_ => "321"))}\n");
        using var confirmed = await client.PostAsync(new Uri("/import/confirm", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = preview.QuerySelector("input[name=token]")!.GetAttribute("value")!,
            ["fileName"] = "patents.csv",
            ["approve"] = "true",
            ["__RequestVerificationToken"] = preview.AntiforgeryToken(),
        }));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        logs.AssertDifferentInstances("POST /import", "POST /import/confirm");
        Assert.Equal(("1", "321"), await DashboardCellAsync(client, "/dashboard?from=2019&to=2020", "patents_granted", 2020));
        Assert.Equal(("1", "321"), await DashboardCellAsync(client, "/dashboard?from=2019&to=2020", "patents_granted", 2020));

        // A form submitted on one instance is on the other's provisional dashboard at the next request.
        var form = await client.GetDocumentAsync("/entry/16R02/2021");
        var values = Indicators.ToDictionary(code => $"Values[{code}]", _ => "7");
        values["Command"] = "submit";
        values["Version"] = "";
        values["__RequestVerificationToken"] = form.AntiforgeryToken();
        using var submitted = await client.PostAsync(new Uri("/entry/16R02/2021", UriKind.Relative), new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(("1", "7"), await DashboardCellAsync(client, "/dashboard?from=2020&to=2021&status=provisional", "patents_granted", 2021));
        logs.AssertDifferentInstances("POST /entry/16R02/2021", "GET /dashboard");

        // Signing out ends the session on both instances: the cookie kept from before opens nothing.
        var kept = cookies.GetCookieHeader(nginx.HttpsAddress);
        var home = await client.GetDocumentAsync("/");
        using var logout = await client.PostAsync(new Uri("/account/logout", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = home.AntiforgeryToken() }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        using var stale = Client(nginx, out _);
        stale.DefaultRequestHeaders.Add("Cookie", kept);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var refused = await stale.GetAsync(new Uri("/entry", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/account/login", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        logs.AssertBothServed("GET /entry");
        // The request log names the client, as nginx forwarded it, and the scheme.
        Assert.Contains($"for {ClientAddress} over https", logs.Both, StringComparison.Ordinal);
        Assert.DoesNotContain("[ERR]", logs.Both, StringComparison.Ordinal);
    }

    /// <summary>A reviewer who is also the evaluator of 16R02 in 2021, on a database the instances then share.</summary>
    private static async Task<(string Email, string Password)> PrepareDatabaseAsync(string database)
    {
        await using var app = new MieAppFactory(database);
        var (email, password, id) = await app.CreateUserAsync(Roles.Evaluator, Roles.Reviewer, Roles.Official);
        await app.WithDbAsync(async db =>
        {
            var group = new ExpertGroup { Year = 2021, Name = "Proxy test group" };
            group.Members.Add(new ExpertGroupMember { UserId = id, Organisation = "Test", OrganisationKind = OrganisationKind.NationalSociety, Expertise = ExpertiseKind.Professional });
            group.Bases.Add(new ExpertGroupBase { BaseId = await db.Bases.Where(b => b.Code == "16R02").Select(b => b.Id).SingleAsync() });
            db.ExpertGroups.Add(group);
            return await db.SaveChangesAsync();
        });
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return (email, password);
    }

    /// <summary>An HTTPS client that trusts exactly nginx's certificate and connects from <see cref="ClientAddress"/>.</summary>
    private static HttpClient Client(NginxProxy nginx, out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = cookies,
            UseCookies = true,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == nginx.Certificate.GetCertHashString(),
            },
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Parse(ClientAddress), 0));
                await socket.ConnectAsync(context.DnsEndPoint, token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var client = new HttpClient(handler) { BaseAddress = nginx.HttpsAddress };
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    private static async Task<IDocument> PreviewAsync(HttpClient client, string csv)
    {
        var page = await client.GetDocumentAsync("/import");
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "patents.csv");
        content.Add(new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken");
        using var response = await client.PostAsync(new Uri("/import", UriKind.Relative), content);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        return await Html.ParseAsync(html);
    }

    /// <summary>The N and the value shown for an indicator and year on the dashboard.</summary>
    private static async Task<(string N, string Value)> DashboardCellAsync(HttpClient client, string url, string indicator, int year)
    {
        var page = await client.GetDocumentAsync(url);
        var cell = page.QuerySelector($"#national-table tr[data-indicator={indicator}] td[data-year='{year}']")!;
        return (cell.GetAttribute("data-n")!, cell.ChildNodes.OfType<IText>().First().Data.Trim());
    }

    /// <summary>The two instances' request logs.</summary>
    private sealed class InstanceLogs(string first, string second)
    {
        public string Both => TestPaths.ReadShared(first) + TestPaths.ReadShared(second);

        /// <summary>The last requests of the two methods and paths were served by different instances.</summary>
        public void AssertDifferentInstances(string earlier, string later)
        {
            var (a, b) = (TestPaths.ReadShared(first), TestPaths.ReadShared(second));
            int Instance(string request) => a.Contains(Line(request), StringComparison.Ordinal) &&
                (!b.Contains(Line(request), StringComparison.Ordinal) || Time(a, request) > Time(b, request)) ? 1 : 2;
            Assert.True(Instance(earlier) != Instance(later), $"\"{earlier}\" and \"{later}\" were served by the same instance");
        }

        public void AssertBothServed(string request)
        {
            Assert.Contains(Line(request), TestPaths.ReadShared(first), StringComparison.Ordinal);
            Assert.Contains(Line(request), TestPaths.ReadShared(second), StringComparison.Ordinal);
        }

        private static DateTimeOffset Time(string log, string request)
        {
            var line = log.Split('\n').Last(l => l.Contains(Line(request), StringComparison.Ordinal));
            return DateTimeOffset.Parse(line[..30], CultureInfo.InvariantCulture);
        }

        /// <summary>The request log's words for a method and path (the query is not part of the path).</summary>
        private static string Line(string request) => $"HTTP {request} responded";
    }
}
