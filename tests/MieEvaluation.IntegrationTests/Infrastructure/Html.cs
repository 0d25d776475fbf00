using AngleSharp;
using AngleSharp.Dom;

namespace MieEvaluation.IntegrationTests.Infrastructure;

internal static class Html
{
    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
        return await ParseAsync(html);
    }

    public static async Task<IDocument> ParseAsync(string html)
    {
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(r => r.Content(html));
    }

    /// <summary>The anti-forgery token of the first form on the page (every layout has the language form).</summary>
    public static string AntiforgeryToken(this IDocument document) =>
        document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("No anti-forgery token on the page.");
}
