using System.Net.Http.Headers;
using AngleSharp.Dom;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.Import;

/// <summary>Upload → preview → confirm, as a browser does it.</summary>
internal static class ImportClient
{
    public static async Task<(HttpResponseMessage Response, IDocument Page)> UploadAsync(HttpClient client, byte[] content, string fileName = "values.csv")
    {
        var page = await client.GetDocumentAsync("/import");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken");
        var response = await client.PostAsync(new Uri("/import", UriKind.Relative), form);
        return (response, await Html.ParseAsync(await response.Content.ReadAsStringAsync()));
    }

    public static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, IDocument preview, bool approve = false)
    {
        var fields = preview.QuerySelectorAll("form[action='/import/confirm'] input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!)).ToList();
        Assert.Contains(fields, f => f.Key == "token");
        if (approve)
        {
            fields.Add(new("approve", "true"));
        }

        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri("/import/confirm", UriKind.Relative), form);
    }

    public static int Count(IDocument preview, string kind) =>
        int.Parse(preview.QuerySelector($"[data-count={kind}]")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);

    public static byte[] Utf8(string text, bool bom = false) =>
        [.. bom ? System.Text.Encoding.UTF8.GetPreamble() : [], .. System.Text.Encoding.UTF8.GetBytes(text)];
}
