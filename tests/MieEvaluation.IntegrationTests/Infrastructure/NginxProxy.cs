using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MieEvaluation.IntegrationTests.Infrastructure;

/// <summary>
/// Debian's nginx running the deployment guide's own site file (docs/deploy/nginx/mie.conf) with a self-signed
/// certificate made here, in front of the given app instances. tests/test.sh installs nginx; without it this fails.
/// Stopped by its process id.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly string _folder;

    private NginxProxy(Process process, string folder, int httpPort, int httpsPort, X509Certificate2 certificate)
    {
        _process = process;
        _folder = folder;
        HttpPort = httpPort;
        HttpsPort = httpsPort;
        Certificate = certificate;
    }

    public int HttpPort { get; }

    public int HttpsPort { get; }

    /// <summary>The certificate nginx presents; clients trust exactly this one.</summary>
    public X509Certificate2 Certificate { get; }

    public Uri HttpsAddress => new($"https://127.0.0.1:{HttpsPort}");

    /// <summary>The guide's site file as installed: its <c>${…}</c> names filled in (the guide uses envsubst).</summary>
    public static string SiteFile(IReadOnlyDictionary<string, string> values) =>
        values.Aggregate(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "deploy", "nginx", "mie.conf")),
            (text, pair) => text.Replace("${" + pair.Key + "}", pair.Value, StringComparison.Ordinal));

    /// <summary>A free TCP port on loopback.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<NginxProxy> StartAsync(int httpsPort, Uri first, Uri second)
    {
        Assert.True(File.Exists(Executable), $"nginx is missing at {Executable}: run the tests through tests/test.sh, which installs it.");
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "mie-tests", Guid.NewGuid().ToString("N"), "nginx")).FullName;
        var (certificate, certificatePem, keyPem) = SelfSigned();
        var certificatePath = Path.Combine(folder, "mie.crt");
        var keyPath = Path.Combine(folder, "mie.key");
        await File.WriteAllTextAsync(certificatePath, certificatePem);
        await File.WriteAllTextAsync(keyPath, keyPem);
        var httpPort = FreePort();
        var site = SiteFile(new Dictionary<string, string>
        {
            ["MIE_SERVER_NAME"] = "127.0.0.1",
            ["MIE_HTTP_PORT"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MIE_HTTPS_PORT"] = httpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MIE_TLS_CERTIFICATE"] = certificatePath,
            ["MIE_TLS_KEY"] = keyPath,
            ["MIE_APP_1"] = first.Authority,
            ["MIE_APP_2"] = second.Authority,
        });
        await File.WriteAllTextAsync(Path.Combine(folder, "mie.conf"), site);
        foreach (var temp in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" })
        {
            Directory.CreateDirectory(Path.Combine(folder, temp));
        }

        // The main file of a machine's nginx, reduced to what the site needs, in a folder of its own.
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            user root;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 128; }
            http {
                access_log {{folder}}/access.log;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/mie.conf;
            }
            """);
        var start = new ProcessStartInfo(Executable, ["-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-g", "daemon off;"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        var proxy = new NginxProxy(process, folder, httpPort, httpsPort, certificate);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx stopped: {await process.StandardError.ReadToEndAsync()} {ReadOrEmpty(Path.Combine(folder, "error.log"))}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, httpsPort);
                return proxy;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        await proxy.DisposeAsync();
        throw new InvalidOperationException("nginx did not listen within 10 s.");
    }

    public string ErrorLog => ReadOrEmpty(Path.Combine(_folder, "error.log"));

    private static string ReadOrEmpty(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    /// <summary>A certificate for 127.0.0.1 valid for a day: the public part, and both parts as PEM for nginx.</summary>
    private static (X509Certificate2 Certificate, string CertificatePem, string KeyPem) SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificatePem = certificate.ExportCertificatePem();
        return (X509CertificateLoader.LoadCertificate(certificate.RawData), certificatePem, key.ExportPkcs8PrivateKeyPem());
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Certificate.Dispose();
    }
}
