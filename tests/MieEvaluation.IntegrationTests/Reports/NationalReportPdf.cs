using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.IntegrationTests.Api;
using MieEvaluation.IntegrationTests.Figures;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Reports;

/// <summary>
/// The national report as a PDF, read back by poppler: A4, the title in its metadata and on its title page, the Chinese
/// font embedded (and only as a subset), "page n of N" on every page with N the page count, every indicator's
/// figures as the dashboard prints them, charts drawn as vectors, table headers repeated on every page a table runs
/// onto, and both languages.
/// </summary>
public sealed class NationalReportPdf(SeedPanel.Fixture fixture) : IClassFixture<SeedPanel.Fixture>
{
    private async Task<string> DownloadAsync(string query, string role = Roles.Official)
    {
        var client = await fixture.App.SignedInClientAsync(role);
        using var response = await client.GetAsync(new Uri($"/reports/national.pdf?{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var file = Path.Combine(Path.GetTempPath(), $"mie-report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        return file;
    }

    [Fact]
    public async Task PrintsTheDashboardsFiguresInChineseWithTheFontEmbedded()
    {
        var file = await DownloadAsync("from=2016&to=2018&lang=zh-CN");
        var info = await DocumentReaders.PdfInfoAsync(file);
        var text = await DocumentReaders.PdfTextAsync(file);
        var fonts = await DocumentReaders.PdfFontsAsync(file);
        var official = await fixture.App.SignedInClientAsync(Roles.Official);
        var page = await official.GetDocumentAsync("/dashboard?from=2016&to=2018", "zh-CN");

        Assert.Equal("全国双创示范基地评估报告", info["Title"]);
        Assert.StartsWith("595.2", info["Page size"], StringComparison.Ordinal); // A4: 595.28 × 841.89 pt
        Assert.Contains("(A4)", info["Page size"], StringComparison.Ordinal);
        var pages = int.Parse(info["Pages"], CultureInfo.InvariantCulture);
        Assert.InRange(pages, 8, 40);
        // Every page carries its number and the count, and the count is the file's.
        for (var n = 1; n <= pages; n++)
        {
            Assert.Matches($@"第\s*{n}\s*页\s*/\s*共\s*{pages}\s*页", text);
        }

        Assert.DoesNotMatch($@"第\s*{pages + 1}\s*页", text);
        // The title page holds the title, the range and the scope, and nothing of the tables.
        var titlePage = await DocumentReaders.PdfTextAsync(file, 1);
        Assert.Contains("全国双创示范基地评估报告", titlePage, StringComparison.Ordinal);
        Assert.Contains("2016–2018", titlePage, StringComparison.Ordinal);
        Assert.Contains("仅计已审核数据", titlePage, StringComparison.Ordinal);
        Assert.DoesNotContain("增长表", titlePage, StringComparison.Ordinal);

        // Chinese renders without Chinese fonts on the reader's machine: every font is embedded, the CJK one as a subset.
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.True(f.Embedded, $"{f.Name} is not embedded"));
        Assert.Contains(fonts, f => f.Name.Contains("WenQuanYi", StringComparison.Ordinal) && f.Name.Contains('+', StringComparison.Ordinal));
        Assert.True(new FileInfo(file).Length < 1_500_000, $"{new FileInfo(file).Length} bytes: the 5 MB font is embedded whole, not as a subset");
        // The charts are drawn, not pasted: no raster image in the file, and each indicator's chart has its title.
        Assert.Equal(0, await DocumentReaders.PdfImageCountAsync(file));

        // Every indicator's yearly figures, on the row of the growth table, exactly as the dashboard prints them,
        // and the growth rate the seed poster gives (its table is the model of the report's).
        var seed = SeedPanel.ReadSeedTable().ToDictionary(r => r.Code);
        foreach (var row in page.QuerySelectorAll("#national-table tbody tr[data-indicator]"))
        {
            var shown = row.QuerySelectorAll("td[data-year]").Select(c => c.TextContent.Trim().Split('\n')[0].Trim()).ToList();
            var ns = row.QuerySelectorAll("td[data-year]").Select(c => c.GetAttribute("data-n")!).ToList();
            Assert.Equal(3, shown.Count);
            var cagr = seed[row.GetAttribute("data-indicator")!].CagrPercent.ToString("0.0", CultureInfo.InvariantCulture);
            var line = new Regex(string.Join(@"\s+", shown.Zip(ns).SelectMany(p => new[] { Regex.Escape(p.First), p.Second })) + @"\s+" + Regex.Escape(cagr));
            Assert.True(line.IsMatch(text), $"no line of the PDF reads {line}");
        }
    }

    [Fact]
    public async Task RepeatsTheHeaderRowOnEveryPageATableRunsOnto()
    {
        var file = await DownloadAsync("from=2016&to=2018&lang=en");
        var pages = int.Parse((await DocumentReaders.PdfInfoAsync(file))["Pages"], CultureInfo.InvariantCulture);
        var codes = await fixture.App.WithDbAsync(db => db.Bases.Select(b => b.Code).ToListAsync());

        // The completeness table lists all 120 bases: more than a page. Every page with one of its rows has its header.
        var tablePages = new List<int>();
        for (var n = 1; n <= pages; n++)
        {
            var lines = (await DocumentReaders.PdfTextAsync(file, n)).Split('\n');
            if (lines.Any(l => codes.Any(c => Regex.IsMatch(l, $@"^\s*{Regex.Escape(c)}\s"))))
            {
                tablePages.Add(n);
                Assert.Contains(lines, l => Regex.IsMatch(l, @"Code\s+Name\s+Type\s+Region\s+2016\s+2017\s+2018"));
            }
        }

        Assert.True(tablePages.Count >= 2, $"the completeness table should run over several pages, found {string.Join(",", tablePages)}");
        Assert.Matches($@"Page\s+1\s+of\s+{pages}", await DocumentReaders.PdfTextAsync(file, 1));
        Assert.Contains("National evaluation of the mass innovation and entrepreneurship demonstration bases",
            (await DocumentReaders.PdfInfoAsync(file))["Title"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lang=fr", "fr")]
    [InlineData("from=2018&to=2016", "2016")]
    [InlineData("colour=red", "colour")]
    public async Task RefusesABadParameterWithItsReason(string query, string named)
    {
        var official = await fixture.App.SignedInClientAsync(Roles.Official);
        using var page = await official.GetAsync(new Uri($"/reports/national.pdf?{query}", UriKind.Relative));
        var (api, _, _) = await fixture.App.TokenClientAsync(Roles.Official);
        using var problem = await api.GetAsync(new Uri($"/api/v1/reports/national.pdf?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains(named, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType!.MediaType);
    }
}
