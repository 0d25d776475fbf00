using System.Globalization;
using System.Net;
using System.Text.Json;
using MieEvaluation.IntegrationTests.Api;
using MieEvaluation.IntegrationTests.Figures;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Reports;

/// <summary>
/// The national report's workbook read back by openpyxl: a sheet per table in the reader's language, the title,
/// filters and time above each, a frozen header, numbers as numbers with the indicator's decimals, and every
/// indicator's figures as the dashboard's API gives them, to the displayed precision.
/// </summary>
public sealed class NationalReportWorkbook(SeedPanel.Fixture fixture) : IClassFixture<SeedPanel.Fixture>
{
    private static readonly string[] NumberTypes = ["int", "float"];

    private const string Read = """
        import sys, json, openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        growth = book.worksheets[0]
        header = [c.value for c in growth[5]]
        rows = [[c.value for c in r] for r in growth.iter_rows(min_row=6)]
        formats = {r[0].value: r[2].number_format for r in growth.iter_rows(min_row=6)}
        print(json.dumps({
            "sheets": book.sheetnames, "title": growth["A1"].value, "filters": growth["A2"].value, "asOf": growth["A3"].value,
            "frozen": [s.freeze_panes for s in book.worksheets], "header": header, "rows": rows, "formats": formats,
            "types": sorted({type(r[2]).__name__ for r in rows if r[2] is not None}),
        }, ensure_ascii=False, default=str))
        """;

    [Fact]
    public async Task GivesEverySheetInChineseWithTheDashboardsFigures()
    {
        var official = await fixture.App.SignedInClientAsync(Roles.Official);
        using var response = await official.GetAsync(new Uri("/reports/national.xlsx?from=2016&to=2018", UriKind.Relative));
        var book = await ReadAsync(response);
        var (api, _, _) = await fixture.App.TokenClientAsync(Roles.Official);
        using var national = JsonDocument.Parse(await api.GetStringAsync(new Uri("/api/v1/figures/national?from=2016&to=2018", UriKind.Relative)));
        using var indicators = JsonDocument.Parse(await api.GetStringAsync(new Uri("/api/v1/indicators", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["增长表", "平衡面板", "按地区", "按类型", "填报完整性", "发现的问题"], book.GetProperty("sheets").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("全国双创示范基地评估报告 · 增长表", book.GetProperty("title").GetString());
        Assert.Contains("2016–2018", book.GetProperty("filters").GetString(), StringComparison.Ordinal);
        Assert.Contains("仅计已审核数据", book.GetProperty("filters").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("数据截至", book.GetProperty("asOf").GetString(), StringComparison.Ordinal);
        Assert.All(book.GetProperty("frozen").EnumerateArray(), f => Assert.Equal("A6", f.GetString()));
        Assert.Equal(["指标", "单位", "2016", "N 2016"], book.GetProperty("header").EnumerateArray().Take(4).Select(h => h.GetString()));
        Assert.All(book.GetProperty("types").EnumerateArray(), t => Assert.Contains(t.GetString(), NumberTypes));

        // Each indicator's yearly value as the dashboard shows it: rounded half away from zero to its decimals.
        var decimals = indicators.RootElement.EnumerateArray().ToDictionary(i => i.GetProperty("nameZh").GetString()!, i => i.GetProperty("decimals").GetInt32());
        var rows = book.GetProperty("rows").EnumerateArray().ToDictionary(r => r[0].GetString()!);
        foreach (var indicator in national.RootElement.GetProperty("indicators").EnumerateArray())
        {
            var name = indicator.GetProperty("nameZh").GetString()!;
            var d = decimals[name];
            Assert.Equal(d == 0 ? "0" : "0." + new string('0', d), book.GetProperty("formats").GetProperty(name).GetString());
            var years = indicator.GetProperty("years").EnumerateArray().ToList();
            for (var y = 0; y < years.Count; y++)
            {
                var expected = Math.Round(years[y].GetProperty("value").GetDecimal(), d, MidpointRounding.AwayFromZero);
                Assert.Equal(expected, Math.Round(rows[name][2 + (2 * y)].GetDecimal(), d, MidpointRounding.AwayFromZero));
                Assert.Equal(years[y].GetProperty("n").GetInt32(), rows[name][3 + (2 * y)].GetInt32());
            }

            var percent = indicator.GetProperty("cagr").GetProperty("percent");
            var cell = rows[name][2 + (2 * years.Count)];
            decimal? shown = cell.ValueKind == JsonValueKind.Null ? null : Math.Round(cell.GetDecimal(), 1, MidpointRounding.AwayFromZero);
            Assert.Equal(percent.ValueKind == JsonValueKind.Null ? null : percent.GetDecimal(), shown);
        }
    }

    [Fact]
    public async Task FollowsTheLangParameterAndTheApiGivesTheSameWithAToken()
    {
        var (api, _, _) = await fixture.App.TokenClientAsync(Roles.Analyst);
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        using var response = await api.GetAsync(new Uri("/api/v1/reports/national.xlsx?from=2017&to=2018&lang=en", UriKind.Relative));
        var book = await ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Growth table", book.GetProperty("sheets")[0].GetString());
        Assert.StartsWith("National evaluation of the mass innovation", book.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("Average annual growth (%)", book.GetProperty("header").EnumerateArray().Select(h => h.GetString()));
        Assert.EndsWith("-en-" + DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + ".xlsx",
            response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/reports/national.xlsx?lang=fr", HttpStatusCode.BadRequest, "Unknown language \"fr\"")]
    [InlineData("/reports/national.xlsx?from=abc", HttpStatusCode.BadRequest, "")]
    [InlineData("/reports/national.xlsx?colour=red", HttpStatusCode.BadRequest, "colour")]
    [InlineData("/reports/national.xlsx?province=Atlantis", HttpStatusCode.NotFound, "Atlantis")]
    public async Task RefusesABadParameterWithAClearMessage(string path, HttpStatusCode status, string text)
    {
        var official = await fixture.App.SignedInClientAsync(Roles.Official);
        official.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        using var response = await official.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(text, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var file = Path.Combine(Path.GetTempPath(), $"mie-report-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        return JsonDocument.Parse(await Python.RunAsync(Read, [file])).RootElement;
    }
}
