using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using MieEvaluation.IntegrationTests.Api;
using MieEvaluation.IntegrationTests.Figures;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Reports;

/// <summary>
/// A base's report as PDF, Word and Excel, each read back by an independent reader, against the base's own page: its
/// values and growth, its standing within its type, a chart per indicator against the national and type means, its
/// issues; and who may have it: whoever may read the base's page.
/// </summary>
public sealed class BaseReports(SeedPanel.Fixture fixture) : IClassFixture<SeedPanel.Fixture>
{
    private const string Code = "16R01";

    private static async Task<(string File, HttpResponseMessage Response)> DownloadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = Path.Combine(Path.GetTempPath(), $"mie-base-report-{Guid.NewGuid():N}{Path.GetExtension(new Uri("http://x" + url).AbsolutePath)}");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        return (file, response);
    }

    /// <summary>The base page's values table: per indicator code, the figures as printed, year by year, and the growth.</summary>
    private static async Task<Dictionary<string, (string Name, List<string> Values, string Cagr)>> PageValuesAsync(HttpClient client, string language)
    {
        var page = await client.GetDocumentAsync($"/bases/{Code}", language);
        return page.QuerySelectorAll("#base-values tbody tr[data-indicator]").ToDictionary(
            r => r.GetAttribute("data-indicator")!,
            r => (r.QuerySelector("th")!.ChildNodes[0].TextContent.Trim(),
                r.QuerySelectorAll("td[data-year]").Select(c => c.ChildNodes[0].TextContent.Trim()).ToList(),
                r.QuerySelector("td[data-cagr]")!.TextContent.Trim().Replace(" %", "", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task GivesTheBasesPdfWithItsPagesValuesAndAChartPerIndicator()
    {
        var official = await fixture.App.SignedInClientAsync(Roles.Official);
        var (file, response) = await DownloadAsync(official, $"/reports/bases/{Code}.pdf?lang=zh-CN");
        var text = await DocumentReaders.PdfTextAsync(file);
        var info = await DocumentReaders.PdfInfoAsync(file);
        var values = await PageValuesAsync(official, "zh-CN");

        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Matches($"^{Code} .+ 评估报告$", info["Title"]);
        // On the title page too (where a long name wraps).
        var titlePage = Regex.Replace(await DocumentReaders.PdfTextAsync(file, 1), @"\s", "");
        Assert.True(titlePage.Contains(info["Title"].Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal), $"{info["Title"]} not in {titlePage}");
        Assert.All(await DocumentReaders.PdfFontsAsync(file), f => Assert.True(f.Embedded, $"{f.Name} is not embedded"));
        Assert.Equal(0, await DocumentReaders.PdfImageCountAsync(file));
        Assert.Matches($@"第\s*1\s*页\s*/\s*共\s*{info["Pages"]}\s*页", text);
        Assert.Equal(12, values.Count);
        foreach (var (_, (name, shown, cagr)) in values)
        {
            // The values table's row: the figures, then the growth — laid out on one line by pdftotext.
            var line = new Regex(string.Join(@"\s+", shown.Select(Regex.Escape)) + @"\s+" + Regex.Escape(cagr));
            Assert.True(line.IsMatch(text), $"no line of the PDF reads {line}");
            // Its chart: the indicator's name as the chart's title, with the legend naming the three lines.
            Assert.True(Regex.Count(text, Regex.Escape(name)) >= 3, $"{name}: in the values, the standing and its chart");
        }

        // Each chart's legend names the base and the two means it is drawn against: twelve charts, besides the comparison table.
        Assert.True(Regex.Count(text, "同类基地平均") >= 2 * values.Count, "a legend per chart and a row per indicator");
    }

    [Fact]
    public async Task GivesTheBasesWordDocumentWithRealTablesAndAPicturePerIndicator()
    {
        var analyst = await fixture.App.SignedInClientAsync(Roles.Analyst);
        var (file, _) = await DownloadAsync(analyst, $"/reports/bases/{Code}.docx?lang=en");
        var read = JsonDocument.Parse(await Python.RunAsync("""
            import sys, json, docx
            document = docx.Document(sys.argv[1])
            values = document.tables[0]
            print(json.dumps({
                "title": document.core_properties.title,
                "pictures": len(document.inline_shapes),
                "headings": [p.text for p in document.paragraphs if p.style.name == "Heading 1"],
                "rows": {r.cells[0].text: [c.text for c in r.cells] for r in values.rows[1:]},
            }, ensure_ascii=False))
            """, [file])).RootElement;
        var values = await PageValuesAsync(analyst, "en");

        Assert.Matches($"^Evaluation report of base {Code} ", read.GetProperty("title").GetString()!);
        Assert.Equal(values.Count, read.GetProperty("pictures").GetInt32());
        Assert.Contains("Values and growth", read.GetProperty("headings").EnumerateArray().Select(h => h.GetString()));
        foreach (var (_, (name, shown, cagr)) in values)
        {
            var row = read.GetProperty("rows").GetProperty(name).EnumerateArray().Select(c => c.GetString()).ToList();
            Assert.Equal([.. shown, cagr], row.Skip(2).Take(shown.Count + 1));
        }
    }

    [Fact]
    public async Task GivesTheBasesWorkbookWithNumbersAsNumbers()
    {
        var (api, _, _) = await fixture.App.TokenClientAsync(Roles.Official);
        var (file, response) = await DownloadAsync(api, $"/api/v1/reports/bases/{Code}.xlsx?lang=zh-CN");
        var read = JsonDocument.Parse(await Python.RunAsync("""
            import sys, json, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            sheet = book.worksheets[0]
            rows = [[c.value for c in r] for r in sheet.iter_rows()]
            start = next(i for i, r in enumerate(rows) if r[0] == "指标")
            print(json.dumps({
                "sheets": book.sheetnames, "header": rows[start], "frozen": sheet.freeze_panes,
                "rows": {r[0]: r for r in rows[start + 1:]},
                "types": sorted({type(v).__name__ for r in rows[start + 1:] for v in r[2:-2] if v is not None}),
            }, ensure_ascii=False, default=str))
            """, [file])).RootElement;
        var official = await fixture.App.SignedInClientAsync(Roles.Official);
        var values = await PageValuesAsync(official, "zh-CN");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["数值与增长", "同类型排名", "与均值比较", "发现的问题"], read.GetProperty("sheets").EnumerateArray().Select(s => s.GetString()).Take(4));
        Assert.Equal(["float"], read.GetProperty("types").EnumerateArray().Select(t => t.GetString()).Distinct().Where(t => t != "int"));
        foreach (var (_, (name, shown, _)) in values)
        {
            var row = read.GetProperty("rows").GetProperty(name).EnumerateArray().ToList();
            for (var y = 0; y < shown.Count; y++)
            {
                // The stored number, rounded as the page rounds it (halves away from zero), prints as the page does.
                var stored = row[2 + y].ValueKind == JsonValueKind.Null ? null : (decimal?)row[2 + y].GetDecimal();
                var printed = stored is { } v ? Printed.Like(v, shown[y], CultureInfo.GetCultureInfo("zh-CN")) : "—";
                Assert.Equal(shown[y], printed);
            }
        }
    }

    [Theory]
    [InlineData("/reports/bases/99X99.pdf", HttpStatusCode.NotFound, "99X99")]
    [InlineData("/reports/bases/16R01.pdf?status=final", HttpStatusCode.BadRequest, "final")]
    [InlineData("/reports/bases/16R01.docx?lang=de", HttpStatusCode.BadRequest, "de")]
    [InlineData("/reports/bases/16R01.xlsx?from=2016", HttpStatusCode.BadRequest, "from")]
    public async Task RefusesABadRequestWithItsReason(string url, HttpStatusCode status, string named)
    {
        var official = await fixture.App.SignedInClientAsync(Roles.Official);
        using var page = await official.GetAsync(new Uri(url, UriKind.Relative));
        var (api, _, _) = await fixture.App.TokenClientAsync(Roles.Official);
        using var problem = await api.GetAsync(new Uri("/api/v1" + url, UriKind.Relative));

        Assert.Equal(status, page.StatusCode);
        Assert.Contains(named, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(status, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task IsRefusedToAnEvaluatorOutsideTheBasesGroups()
    {
        var (api, _, _) = await fixture.App.TokenClientAsync(Roles.Evaluator);
        using var refused = await api.GetAsync(new Uri($"/api/v1/reports/bases/{Code}.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
