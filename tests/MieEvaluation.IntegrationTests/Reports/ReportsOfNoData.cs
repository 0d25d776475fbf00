using System.Globalization;
using System.Net;
using MieEvaluation.IntegrationTests.Api;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Reports;

/// <summary>
/// Reports of a registry without a single value (a new installation, or a filter that selects nothing): every format
/// is made, undefined figures print as "—", never 0, and the charts are empty rather than broken.
/// </summary>
public sealed class ReportsOfNoData
{
    [Theory]
    [InlineData("/reports/national.pdf?from=2016&to=2018&lang=en")]
    [InlineData("/reports/national.docx?from=2016&to=2018")]
    [InlineData("/reports/national.xlsx?from=2016&to=2018")]
    [InlineData("/reports/bases/16R01.pdf?lang=zh-CN")]
    [InlineData("/reports/bases/16R01.docx")]
    [InlineData("/reports/bases/16R01.xlsx")]
    public async Task MakesEveryReportOfAnEmptyDatabase(string url)
    {
        await using var app = new MieAppFactory();
        var official = await app.SignedInClientAsync(Roles.Official);

        using var response = await official.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000);
    }

    [Fact]
    public async Task PrintsAnUndefinedFigureAsADashWithItsReason()
    {
        await using var app = new MieAppFactory();
        var (api, _, _) = await app.TokenClientAsync(Roles.Official);
        using var response = await api.GetAsync(new Uri("/api/v1/reports/national.pdf?from=2016&to=2018&lang=en", UriKind.Relative));
        var file = Path.Combine(Path.GetTempPath(), $"mie-empty-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        var text = await DocumentReaders.PdfTextAsync(file);
        var growthPage = await DocumentReaders.PdfTextAsync(file, 2);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Growth table", growthPage, StringComparison.Ordinal);
        Assert.Contains("—", growthPage, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", text, StringComparison.Ordinal);
        Assert.True(int.Parse((await DocumentReaders.PdfInfoAsync(file))["Pages"], CultureInfo.InvariantCulture) >= 2);
    }
}
