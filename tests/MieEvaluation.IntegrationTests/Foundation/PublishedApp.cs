using System.IO.Compression;
using System.Net;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.Foundation;

/// <summary>
/// The output of <c>dotnet publish</c>, started from an unrelated folder, serves the top-level wwwroot/ with its
/// compressed variants and the seeded registry (ADR 0002). Slow (one publish), so it runs once per test run.
/// </summary>
public sealed class PublishedApp
{
    [Fact]
    public async Task ServesStaticFilesCompressedAndTheRegistryFromAnyFolder()
    {
        var root = Path.Combine(Path.GetTempPath(), "mie-tests", Guid.NewGuid().ToString("N"));
        var elsewhere = Directory.CreateDirectory(Path.Combine(root, "elsewhere")).FullName;

        await using var app = await AppProcess.StartAsync(await PublishedBuild.AppDllAsync(), elsewhere,
            new Dictionary<string, string>
            {
                ["Database__SqlitePath"] = Path.Combine(root, "data", "mie.db"),
                ["Security__HttpsOnly"] = "false", // plain HTTP on loopback
                ["MIE_ADMIN_EMAIL"] = MieAppFactory.AdminEmail,
                ["MIE_ADMIN_PASSWORD"] = MieAppFactory.AdminPassword,
            });
        using var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = app.BaseAddress };

        using var request = new HttpRequestMessage(HttpMethod.Get, "/css/site.css");
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var compressed = await client.SendAsync(request);
        await using var body = await compressed.Content.ReadAsStreamAsync();
        await using var brotli = new BrotliStream(body, CompressionMode.Decompress);
        using var reader = new StreamReader(brotli);
        var css = await reader.ReadToEndAsync();

        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        Assert.Equal("br", Assert.Single(compressed.Content.Headers.ContentEncoding));
        Assert.Equal(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "wwwroot/css/site.css")), css);

        using var login = await client.PostLoginAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var registry = await client.GetStringAsync(new Uri("/bases", UriKind.Relative));
        Assert.Equal(56, registry.Split("<tr data-code=").Length - 1);
        Assert.True(File.Exists(Path.Combine(root, "data", "mie.db")));
    }
}
