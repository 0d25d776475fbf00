using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Api;

/// <summary>
/// On real Kestrel, whose own body limit is 30,000,000 bytes: an API import up to Import:MaxFileBytes is read whole,
/// and a larger one gets 413 with a problem — never the 500 that the server's limit used to cause.
/// </summary>
public sealed class ApiImportSizeLimits
{
    private const long MaxFileBytes = 32 * 1024 * 1024;

    [Fact]
    public async Task ReadsBodiesAboveTheServerDefaultUpToTheImportLimitAndRefusesLargerOnesWith413()
    {
        var path = TestPaths.NewDatabaseFile();
        string email, password;
        await using (var factory = new MieAppFactory(path))
        {
            (email, password, _) = await factory.CreateUserAsync(Roles.Reviewer);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // The app's temporary folder of its own: whatever a request leaves there is seen.
        var temp = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(path)!, "tmp")).FullName;
        await using var app = await AppProcess.StartAsync(AppProcess.BuiltApp, Path.GetTempPath(), new Dictionary<string, string>
        {
            ["TMPDIR"] = temp,
            ["Database__SqlitePath"] = path,
            ["Security__HttpsOnly"] = "false",
            ["Import__MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.ExpectContinue = true; // so that a refused body need not be sent at all
        using (var tokenResponse = await client.PostAsJsonAsync(new Uri("/api/v1/tokens", UriKind.Relative), new { email, password, name = "size" }))
        {
            var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        // 31 MB of rows naming an unknown base: read whole (so the file's own errors come back), not cut off.
        using var allowed = await client.PostAsync(new Uri("/api/v1/values/import?dryRun=true", UriKind.Relative), Body(31_000_000));
        using var tooLarge = await client.PostAsync(new Uri("/api/v1/values/import?dryRun=true", UriKind.Relative), Body(MaxFileBytes + 1_000));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, allowed.StatusCode);
        var errors = (await allowed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(2, errors[0].GetProperty("line").GetInt32());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains(MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (await tooLarge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Neither the refused body nor the read one left a file or a row behind.
        Assert.Empty(Directory.GetFiles(temp, "mie-upload-*"));
        await using var check = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}");
        await check.OpenAsync();
        await using var count = check.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM PendingUploads";
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
    }

    private static ByteArrayContent Body(long bytes)
    {
        const string row = "NOBASE,2020,patents_granted,1\n";
        var text = new StringBuilder("base_code,year,indicator_code,value\n");
        while (text.Length + row.Length <= bytes)
        {
            text.Append(row);
        }

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text.ToString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }
}
