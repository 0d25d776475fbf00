using System.Net;
using System.Text.Json;
using MieEvaluation.IntegrationTests.Api;
using MieEvaluation.IntegrationTests.Figures;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Reports;

/// <summary>
/// The national report as a Word document, read back by python-docx: a title and headings in Word's styles, one real
/// table per table of the report with its header row repeated after page breaks, the figures as the dashboard shows
/// them, A4, page numbers, and the title in the document's properties.
/// </summary>
public sealed class NationalReportDocument(SeedPanel.Fixture fixture) : IClassFixture<SeedPanel.Fixture>
{
    private const string Read = """
        import sys, json, docx
        from docx.oxml.ns import qn
        document = docx.Document(sys.argv[1])
        tables = document.tables
        growth = tables[0]
        section = document.sections[0]
        print(json.dumps({
            "title": document.core_properties.title,
            "styles": [(p.style.name, p.text) for p in document.paragraphs if p.style.name in ("Title", "Heading 1")],
            "tables": len(tables),
            "header": [c.text for c in growth.rows[0].cells],
            "repeat": growth.rows[0]._tr.trPr is not None and growth.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None,
            "rows": {r.cells[0].text: [c.text for c in r.cells] for r in growth.rows[1:]},
            "a4": [round(section.page_width.mm), round(section.page_height.mm)],
            "pageField": "PAGE" in section.footer._element.xml,
            "last": [p.text for p in document.paragraphs][-9:],
            "pictures": [s.height.pt / s.width.pt for s in document.inline_shapes],
            "pageCount": "NUMPAGES" in section.footer._element.xml,
        }, ensure_ascii=False))
        """;

    [Fact]
    public async Task GivesTheReportAsAWordDocumentWithTheDashboardsFigures()
    {
        var official = await fixture.App.SignedInClientAsync(Roles.Official);
        using var response = await official.GetAsync(new Uri("/reports/national.docx?from=2016&to=2018&lang=zh-CN", UriKind.Relative));
        var file = Path.Combine(Path.GetTempPath(), $"mie-report-{Guid.NewGuid():N}.docx");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        var read = JsonDocument.Parse(await Python.RunAsync(Read, [file])).RootElement;
        var (api, _, _) = await fixture.App.TokenClientAsync(Roles.Official);
        using var national = JsonDocument.Parse(await api.GetStringAsync(new Uri("/api/v1/figures/national?from=2016&to=2018", UriKind.Relative)));
        var page = await official.GetDocumentAsync("/dashboard?from=2016&to=2018", "zh-CN");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("全国双创示范基地评估报告", read.GetProperty("title").GetString());
        var styles = read.GetProperty("styles").EnumerateArray().Select(s => (s[0].GetString(), s[1].GetString())).ToList();
        Assert.Equal(("Title", "全国双创示范基地评估报告"), styles[0]);
        Assert.Contains(("Heading 1", "增长表"), styles);
        Assert.Equal(6, read.GetProperty("tables").GetInt32());
        Assert.Equal(["指标", "单位", "2016", "N 2016"], read.GetProperty("header").EnumerateArray().Take(4).Select(h => h.GetString()));
        Assert.True(read.GetProperty("repeat").GetBoolean());
        Assert.Equal([210, 297], read.GetProperty("a4").EnumerateArray().Select(v => v.GetInt32()));
        Assert.True(read.GetProperty("pageField").GetBoolean());
        Assert.True(read.GetProperty("pageCount").GetBoolean());
        // The trend charts: a picture per indicator, each as wide as the text and kept in its proportions.
        var pictures = read.GetProperty("pictures").EnumerateArray().Select(p => p.GetDouble()).ToList();
        Assert.Equal(national.RootElement.GetProperty("indicators").GetArrayLength(), pictures.Count);
        Assert.All(pictures, ratio => Assert.InRange(ratio, 0.5, 0.6));
        // The methods appendix closes the document: the heading, then the rules in words.
        var last = read.GetProperty("last").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Equal("方法说明", last[0]);
        Assert.Contains(last, p => p!.Contains("年均增长率", StringComparison.Ordinal));
        Assert.Contains(last, p => p!.Contains("五入远离零", StringComparison.Ordinal));
        // Every indicator's yearly figures exactly as the dashboard's table prints them.
        foreach (var indicator in national.RootElement.GetProperty("indicators").EnumerateArray())
        {
            var name = indicator.GetProperty("nameZh").GetString()!;
            var row = read.GetProperty("rows").GetProperty(name).EnumerateArray().Select(c => c.GetString() ?? "").ToList();
            var shown = page.QuerySelectorAll($"#national-table tr[data-indicator='{indicator.GetProperty("code").GetString()}'] td[data-year]")
                .Select(c => c.TextContent.Trim().Split('\n')[0].Trim()).ToList(); // the figure; its N is on a line of its own
            Assert.Equal(shown, [row[2], row[4], row[6]]);
        }
    }
}
