using System.Net;
using MieEvaluation.IntegrationTests.Api;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Reports;

/// <summary>
/// A server without the Chinese font the PDF and the charts are drawn with refuses those documents with a message
/// that says what to install, in the reader's language, and still gives the workbook (which needs no font).
/// </summary>
public sealed class ReportsWithoutAFont
{
    [Fact]
    public async Task RefusesThePdfAndWordReportsSayingWhatToInstall()
    {
        await using var app = new MieAppFactory().With("Reports:FontPath", "/nonexistent/wqy-microhei.ttc");
        var official = await app.SignedInClientAsync(Roles.Official);
        using var pdf = await official.GetAsync(new Uri("/reports/national.pdf?lang=zh-CN", UriKind.Relative));
        using var docx = await official.GetAsync(new Uri("/reports/bases/16R01.docx?lang=en", UriKind.Relative));
        using var xlsx = await official.GetAsync(new Uri("/reports/national.xlsx", UriKind.Relative));
        var (api, _, _) = await app.TokenClientAsync(Roles.Official);
        using var problem = await api.GetAsync(new Uri("/api/v1/reports/national.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
        var message = await pdf.Content.ReadAsStringAsync();
        Assert.Contains("中文字体", message, StringComparison.Ordinal);
        Assert.Contains("fonts-wqy-microhei", message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/wqy-microhei.ttc", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, docx.StatusCode);
        Assert.Contains("Chinese font", await docx.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType!.MediaType);
    }
}
