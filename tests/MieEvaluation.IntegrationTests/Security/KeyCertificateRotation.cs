using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.Security;

/// <summary>
/// The certificate that encrypts the keys is replaced (docs/deploy-linux.md): with the old one as
/// <c>DataProtection:PreviousCertificatePath</c> the sessions made before survive; without it — what to do when the old
/// one may be compromised — they end, and signing in again works.
/// </summary>
public sealed class KeyCertificateRotation
{
    [Fact]
    public async Task KeepsSessionsWithThePreviousCertificateAndEndsThemWithoutIt()
    {
        var database = TestPaths.NewDatabaseFile();
        var folder = Directory.CreateDirectory(Path.GetDirectoryName(database)!).FullName;
        var oldPfx = await CertificateAsync(folder, "old.pfx");
        var newPfx = await CertificateAsync(folder, "new.pfx");

        string cookie;
        await using (var before = new MieAppFactory(database).With("DataProtection:CertificatePath", oldPfx).With("DataProtection:CertificatePassword", "pw"))
        {
            cookie = await SessionCookieAsync(before);
        }

        HttpStatusCode withPrevious;
        await using (var rotating = new MieAppFactory(database).With("DataProtection:CertificatePath", newPfx).With("DataProtection:CertificatePassword", "pw")
                         .With("DataProtection:PreviousCertificatePath", oldPfx).With("DataProtection:PreviousCertificatePassword", "pw"))
        {
            withPrevious = await OpenUsersAsync(rotating, cookie);
        }

        await using var after = new MieAppFactory(database).With("DataProtection:CertificatePath", newPfx).With("DataProtection:CertificatePassword", "pw");
        var withoutPrevious = await OpenUsersAsync(after, cookie);
        var again = await OpenUsersAsync(after, await SessionCookieAsync(after));

        Assert.Equal(HttpStatusCode.OK, withPrevious);
        Assert.Equal(HttpStatusCode.Redirect, withoutPrevious); // to the login page: the old keys cannot be read
        Assert.Equal(HttpStatusCode.OK, again);
    }

    private static async Task<string> CertificateAsync(string folder, string name)
    {
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest($"CN=mie {name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, name);
        await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pkcs12, "pw"));
        return path;
    }

    /// <summary>Signs the administrator in by hand (no cookie container) and returns the session cookie's value.</summary>
    private static async Task<string> SessionCookieAsync(MieAppFactory app)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var page = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        var antiforgery = Cookie(page, "mie.xsrf");
        var token = (await Html.ParseAsync(await page.Content.ReadAsStringAsync())).AntiforgeryToken();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = MieAppFactory.AdminEmail, ["Password"] = MieAppFactory.AdminPassword, ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", $"mie.xsrf={antiforgery}");
        using var signedIn = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return Cookie(signedIn, "mie.auth");
    }

    private static async Task<HttpStatusCode> OpenUsersAsync(MieAppFactory app, string cookie)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", $"mie.auth={cookie}");
        using var response = await client.GetAsync(new Uri("/admin/users", UriKind.Relative));
        return response.StatusCode;
    }

    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];
}
