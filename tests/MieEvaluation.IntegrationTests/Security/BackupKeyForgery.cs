using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.Security;

/// <summary>
/// An attacker with a database backup (the administrator's download) builds the session cookie of the administrator
/// from the keys and the security stamp in it. With the keys encrypted by the certificate of
/// <c>DataProtection:CertificatePath</c>, which is not in the backup, the keys cannot be used and nothing opens; the
/// control without it shows that the forging itself works (the finding of the security review).
/// </summary>
public sealed class BackupKeyForgery
{
    [Fact]
    public async Task RefusesACookieForgedFromABackupGivenKeysEncryptedWithACertificate()
    {
        var (opened, forged) = await ForgeFromBackupAsync(encryptKeys: true);

        Assert.False(forged && opened == HttpStatusCode.OK, "a cookie forged from the backup opened /admin/users");
    }

    [Fact]
    public async Task ForgesACookieFromABackupGivenUnencryptedKeys()
    {
        var (opened, forged) = await ForgeFromBackupAsync(encryptKeys: false);

        Assert.True(forged);
        Assert.Equal(HttpStatusCode.OK, opened);
    }

    /// <summary>Whether a cookie could be made from the backup, and what /admin/users answered to it.</summary>
    private static async Task<(HttpStatusCode? Opened, bool Forged)> ForgeFromBackupAsync(bool encryptKeys)
    {
        var database = TestPaths.NewDatabaseFile();
        var folder = Directory.CreateDirectory(Path.GetDirectoryName(database)!).FullName;
        await using var app = new MieAppFactory(database);
        if (encryptKeys)
        {
            var pfx = Path.Combine(folder, "keys.pfx");
            using var key = RSA.Create(2048);
            using var certificate = new CertificateRequest("CN=mie keys", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pkcs12, "pw"));
            app.With("DataProtection:CertificatePath", pfx).With("DataProtection:CertificatePassword", "pw");
        }

        var admin = await app.SignInAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword);
        using var backup = await admin.PostFormAsync("/admin/backup", "/admin/backup", []);
        var copy = Path.Combine(folder, "stolen.db");
        await File.WriteAllBytesAsync(copy, await backup.Content.ReadAsByteArrayAsync());

        // What the attacker reads from the copy: the key ring and the administrator's id, name and security stamp.
        var keyFolder = Directory.CreateDirectory(Path.Combine(folder, "stolen-keys")).FullName;
        string id, name, stamp;
        await using (var connection = new SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var keys = connection.CreateCommand();
            keys.CommandText = "SELECT FriendlyName, Xml FROM DataProtectionKeys";
            await using (var reader = await keys.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    await File.WriteAllTextAsync(Path.Combine(keyFolder, $"{reader.GetString(0)}.xml"), reader.GetString(1));
                }
            }

            await using var user = connection.CreateCommand();
            user.CommandText = "SELECT Id, UserName, SecurityStamp FROM AspNetUsers WHERE Email = $email";
            user.Parameters.AddWithValue("$email", MieAppFactory.AdminEmail);
            await using var row = await user.ExecuteReaderAsync();
            await row.ReadAsync();
            (id, name, stamp) = (row.GetString(0), row.GetString(1), row.GetString(2));
        }

        string cookie;
        try
        {
            var services = new ServiceCollection();
            services.AddDataProtection().SetApplicationName("MieEvaluation").PersistKeysToFileSystem(new DirectoryInfo(keyFolder)).DisableAutomaticKeyGeneration();
            using var provider = services.BuildServiceProvider();
            var protector = provider.GetRequiredService<IDataProtectionProvider>()
                .CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "Identity.Application", "v2");
            var identity = new ClaimsIdentity(
                [new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Name, name), new("AspNet.Identity.SecurityStamp", stamp), new(ClaimTypes.Role, "Administrator")],
                "Identity.Application");
            var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity),
                new AuthenticationProperties { IssuedUtc = DateTimeOffset.UtcNow, ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) }, "Identity.Application");
            cookie = new TicketDataFormat(protector).Protect(ticket);
        }
        catch (CryptographicException)
        {
            return (null, false); // the keys in the copy cannot be decrypted without the certificate
        }

        var attacker = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        attacker.DefaultRequestHeaders.Add("Cookie", $"mie.auth={cookie}");
        using var answer = await attacker.GetAsync(new Uri("/admin/users", UriKind.Relative));
        return (answer.StatusCode, true);
    }
}
