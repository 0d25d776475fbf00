using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.IntegrationTests.Api;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;
using static MieEvaluation.IntegrationTests.Import.ImportClient;

namespace MieEvaluation.IntegrationTests.Import;

/// <summary>
/// An import cannot be made to take an instance's memory: lines, cells and columns have limits, refused with the line
/// number before the file is parsed; a user runs one import at a time and an instance a few.
/// </summary>
public sealed class BoundedImports
{
    private const string Header = "base_code,year,indicator_code,value,comment\n";

    [Theory]
    [InlineData("line", "第3行超过100000个字符")]
    [InlineData("columns", "第3行超过300列")]
    [InlineData("cell", "第3行有单元格超过10000个字符")]
    public async Task RefusesALineCellOrColumnCountBeyondTheLimitsWithItsLine(string kind, string message)
    {
        await using var app = new MieAppFactory();
        var reviewer = await app.SignedInClientAsync(Roles.Reviewer);
        reviewer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var bad = kind switch
        {
            "line" => "16R02,2020,patents_granted,1," + string.Join(',', Enumerable.Repeat(new string('x', 9_000), 12)),
            "columns" => "16R02,2020,patents_granted,1" + string.Concat(Enumerable.Repeat(",", 300)),
            _ => "16R02,2020,patents_granted,1,\"" + new string('y', 10_001) + "\"",
        };

        var (_, preview) = await UploadAsync(reviewer, Utf8(Header + "16R01,2020,patents_granted,5,\n" + bad + "\n"));

        Assert.Contains(message, preview.QuerySelector("[data-import-errors] li[data-line='3']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector("input[name=token]"));
        Assert.Equal(0, await app.WithDbAsync(db => db.PendingUploads.CountAsync()));
    }

    [Fact]
    public async Task AcceptsAQuotedCommentWithCommasAndLineBreaksWithinTheLimits()
    {
        await using var app = new MieAppFactory();
        var reviewer = await app.SignedInClientAsync(Roles.Reviewer);

        var (_, preview) = await UploadAsync(reviewer, Utf8(Header + "16R01,2020,patents_granted,,\"Not reported, the office moved;\nsee the letter, page 2\"\n"));

        Assert.Empty(preview.QuerySelectorAll("[data-import-errors] li"));
        Assert.NotNull(preview.QuerySelector("input[name=token]"));
    }

    [Fact]
    public async Task RefusesASecondImportOfTheSameUserWhileTheFirstRunsWithARetryTime()
    {
        await using var app = new MieAppFactory();
        var (client, _, _) = await app.TokenClientAsync(Roles.Reviewer);

        var (first, second) = await RaceAsync(client, client);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, first.StatusCode); // the big file's unknown bases
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.True(int.Parse(second.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task RefusesAnImportBeyondTheInstancesConcurrentImports()
    {
        await using var app = new MieAppFactory().With("Security:ConcurrentImports", "1");
        var (one, _, _) = await app.TokenClientAsync(Roles.Reviewer);
        var (other, _, _) = await app.TokenClientAsync(Roles.Reviewer);

        var (first, second) = await RaceAsync(one, other);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
    }

    [Fact]
    public async Task AnswersAMalformedUploadWhileRateLimitedWithoutAServerError()
    {
        await using var app = new MieAppFactory().With("Security:ImportsPerMinute", "1");
        var reviewer = await app.SignedInClientAsync(Roles.Reviewer);
        await UploadAsync(reviewer, Utf8(Header + "16R01,2020,patents_granted,5,\n"));
        var page = await reviewer.GetDocumentAsync("/import");

        using var malformed = new StringContent($"--x\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{page.AntiforgeryToken()}\r\n--x\r\nbroken", Encoding.UTF8);
        malformed.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        using var response = await reviewer.PostAsync(new Uri("/import", UriKind.Relative), malformed);

        Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// A dry run on the first client whose body is held back until the second client has been refused: the first import
    /// runs (it holds its permit while it reads the body) for as long as the test needs. Until the first has its permit,
    /// the second's small import may get through, or take the permit itself and have the first refused: then the first
    /// starts again. The loop ends on the condition itself, the second refused while the first runs.
    /// </summary>
    private static async Task<(HttpResponseMessage First, HttpResponseMessage Second)> RaceAsync(HttpClient first, HttpClient second)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<HttpResponseMessage> StartFirst() => first.PostAsync(new Uri("/api/v1/values/import?dryRun=true", UriKind.Relative),
            new GatedContent(Header + "NOBASE,2020,patents_granted,1,\n", gate.Task));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var running = StartFirst();
        HttpResponseMessage refused;
        while (true)
        {
            if (running.IsCompleted)
            {
                (await running).Dispose();
                running = StartFirst();
            }

            refused = await second.PostAsync(new Uri("/api/v1/values/import?dryRun=true", UriKind.Relative),
                ApiClients.Csv(Header + "16R01,2020,patents_granted,5,\n"), timeout.Token);
            if (refused.StatusCode == HttpStatusCode.TooManyRequests && !running.IsCompleted)
            {
                break;
            }

            refused.Dispose();
        }

        gate.SetResult();
        return (await running, refused);
    }

    /// <summary>A CSV body sent in two halves, the second only once <paramref name="release"/> completes.</summary>
    private sealed class GatedContent : HttpContent
    {
        private readonly string _csv;
        private readonly Task _release;

        public GatedContent(string csv, Task release)
        {
            (_csv, _release) = (csv, release);
            Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var bytes = Encoding.UTF8.GetBytes(_csv);
            await stream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
            await stream.FlushAsync();
            await _release;
            await stream.WriteAsync(bytes.AsMemory(bytes.Length / 2));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
