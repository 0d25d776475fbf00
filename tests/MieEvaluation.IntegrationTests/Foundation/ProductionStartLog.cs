using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Data.Sqlite;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.Foundation;

/// <summary>
/// The first start of a real database with the deployment guide's settings (Production, a proxy on loopback, the
/// data-protection certificate) logs no warning, and the keys it writes to the database are encrypted.
/// </summary>
public sealed class ProductionStartLog
{
    [Fact]
    public async Task LogsNoWarningAndEncryptsTheKeysGivenTheGuidesSettings()
    {
        var database = TestPaths.NewDatabaseFile();
        var folder = Directory.CreateDirectory(Path.GetDirectoryName(database)!).FullName;
        var pfx = Path.Combine(folder, "data-protection.pfx");
        using (var key = RSA.Create(3072))
        {
            var request = new CertificateRequest("CN=MieEvaluation data protection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pkcs12, "pfx-password"));
        }

        string output;
        await using (var app = await AppProcess.StartAsync(AppProcess.BuiltApp, folder, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__SqlitePath"] = database,
            ["Security__KnownProxies__0"] = "127.0.0.1",
            ["DataProtection__CertificatePath"] = pfx,
            ["DataProtection__CertificatePassword"] = "pfx-password",
            ["MIE_ADMIN_EMAIL"] = "admin@example.gov.cn",
            ["MIE_ADMIN_PASSWORD"] = TestAccounts.NewPassword(),
            ["LogFiles__Path"] = Path.Combine(folder, "mie.log"),
        }))
        {
            // A sign-in page makes the app create its first key.
            using var client = new HttpClient { BaseAddress = app.BaseAddress };
            using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
            using var login = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
            output = app.Output;
        }

        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Xml FROM DataProtectionKeys";
        var xml = (string)(await command.ExecuteScalarAsync())!;

        Assert.DoesNotContain("WRN]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ERR]", output, StringComparison.Ordinal);
        Assert.Contains("Now listening on", output, StringComparison.Ordinal);
        Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
    }
}
