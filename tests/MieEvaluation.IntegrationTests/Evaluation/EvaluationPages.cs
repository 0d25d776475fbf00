using System.Net;
using System.Text;
using AngleSharp.Dom;
using MieEvaluation.IntegrationTests.Api;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Evaluation;

/// <summary>The results, scorecard, CSV and editor pages over the worked example (values approved, scheme saved).</summary>
public sealed class EvaluationPages(EvaluationWorld world) : IClassFixture<EvaluationWorld>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        var (admin, _, _) = await world.App.TokenClientAsync(Roles.Administrator);
        using var saved = await admin.PostAsync(new Uri("/api/v1/evaluation/schemes", UriKind.Relative),
            new StringContent(EvaluationWorld.SchemeJson, Encoding.UTF8, "application/json"));
        Assert.True(saved.IsSuccessStatusCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ListsEachTypeByRankWithTotalsToOneDecimal()
    {
        var official = await world.App.SignedInClientAsync(Roles.Official);

        var page = await official.GetDocumentAsync("/evaluation/worked-example/2018", "en");

        // The example's totals (example-results.json, minmax) rounded by hand, half away from zero.
        Assert.Equal([("16R04", "1/4", "77.8"), ("16R01", "2/4", "60.2"), ("16R02", "3/4", "17.5"), ("17R03", "4/4", "4.7")], Rows(page, "regional").Take(4));
        Assert.Equal([("16U03", "1/3", "71.6"), ("16U01", "2/3", "70.0"), ("17U02", "3/3", "7.0")], Rows(page, "univ_inst").Take(3));
        Assert.Contains("no total", page.QuerySelector("#results-enterprise tbody tr [data-total]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Excellent", page.QuerySelector("#results-univ_inst tr[data-base='16U03'] td:nth-child(5)")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0]);
        Assert.Contains("66.7 %", page.QuerySelector("#weights")!.TextContent, StringComparison.Ordinal); // actors: AHP 2 : 1
        Assert.Equal("false", page.QuerySelector("#publication")!.GetAttribute("data-published"));
    }

    [Fact]
    public async Task ShowsAScorecardWithItsContributionsAndWhyAnItemIsMissing()
    {
        var official = await world.App.SignedInClientAsync(Roles.Official);

        var page = await official.GetDocumentAsync("/evaluation/worked-example/2018/bases/16U03", "zh-CN");

        Assert.Equal("71.6", page.QuerySelector("[data-total]")!.TextContent.Trim());
        Assert.Equal("1 / 3", page.QuerySelector("[data-rank]")!.TextContent.Trim());
        Assert.Equal("优秀", page.QuerySelector("[data-grade]")!.TextContent.Trim());
        Assert.Equal("2018 年无数据", page.QuerySelector("tr[data-item='patents_granted:level'] [data-score]")!.TextContent.Trim());
        // The contributions shown add up to the total shown, within the rounding of each to one decimal.
        var contributions = page.QuerySelectorAll("[data-contribution]").Sum(c => decimal.Parse(c.TextContent, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(contributions, 71.6m - 0.25m, 71.6m + 0.25m);
        Assert.NotEmpty(page.QuerySelectorAll("#strengths li"));
    }

    [Fact]
    public async Task ExportsTheResultsAsCsvWithNumbersAtFullPrecision()
    {
        var analyst = await world.App.SignedInClientAsync(Roles.Analyst);

        using var response = await analyst.GetAsync(new Uri("/evaluation/worked-example/2018/results.csv", UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var r04 = lines.Single(l => l.StartsWith("16R04,", StringComparison.Ordinal)).Split(',');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(["base_code", "name_zh", "name_en", "type", "total", "rank"], header.Take(6));
        // 16R04: actors 2/3 · 100 + 1/3 · 0, platforms 100; total 2/3 · 200/3 + 1/3 · 100 = 700/9, to a double's 15 digits.
        Assert.InRange(decimal.Parse(r04[Array.IndexOf(header, "total")], System.Globalization.CultureInfo.InvariantCulture), (700m / 9m) - 1e-12m, (700m / 9m) + 1e-12m);
        Assert.Equal("excellent", r04[Array.IndexOf(header, "grade")]);
    }

    [Theory]
    [InlineData("/evaluation/worked-example/1999", HttpStatusCode.BadRequest, "The data year must be between 2016 and")]
    [InlineData("/evaluation/worked-example/2018/bases/XXX", HttpStatusCode.NotFound, "")]
    [InlineData("/evaluation/no-such/2018", HttpStatusCode.NotFound, "")]
    [InlineData("/evaluation/no-such/2018/results.csv", HttpStatusCode.NotFound, "There is no scheme \"no-such\"")]
    public async Task RefusesABadYearOrAnUnknownSchemeOrBase(string path, HttpStatusCode status, string text)
    {
        var official = await world.App.SignedInClientAsync(Roles.Analyst);
        official.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        using var response = await official.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(text, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAnInvalidSchemeFromTheEditorWithItsProblemsAndSavesNothing()
    {
        var admin = await world.App.SignInAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword, "zh-CN");
        var json = EvaluationWorld.SchemeJson.Replace("\"1/2\"", "\"3\"", StringComparison.Ordinal).Replace("worked-example", "editor-check", StringComparison.Ordinal);

        using var refused = await admin.PostFormAsync("/evaluation/schemes/new", "/evaluation/schemes", new Dictionary<string, string> { ["json"] = json });
        var page = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());
        using var list = await admin.GetAsync(new Uri("/api/v1/evaluation/schemes", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("dimension_weighting.ahp[1][0]", page.QuerySelector("[data-form-errors]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("不互为倒数", page.QuerySelector("[data-form-errors]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("editor-check", page.QuerySelector("#scheme-json")!.TextContent, StringComparison.Ordinal); // the text is kept to correct
        Assert.DoesNotContain("editor-check", await (await world.App.TokenClientAsync(Roles.Administrator)).Client.GetStringAsync(new Uri("/api/v1/evaluation/schemes", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivesTheConsistencyRatioOfAMatrixAsItIsTyped()
    {
        var admin = await world.App.SignInAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword, "en");

        var consistent = await admin.GetStringAsync(new Uri("/evaluation/schemes/ahp?matrix=1,2,4;1/2,1,2;1/4,1/2,1", UriKind.Relative));
        var cyclic = await admin.GetStringAsync(new Uri("/evaluation/schemes/ahp?matrix=1,9,1/9;1/9,1,9;9,1/9,1", UriKind.Relative));
        var broken = await admin.GetStringAsync(new Uri("/evaluation/schemes/ahp?matrix=1,x;1,1", UriKind.Relative));

        Assert.Contains("\"ok\":true", consistent, StringComparison.Ordinal);
        Assert.Contains("\"crText\":\"0.000\"", consistent, StringComparison.Ordinal);
        Assert.Contains("\"crText\":\"6.130\"", cyclic, StringComparison.Ordinal);
        Assert.Contains("\"ok\":false", cyclic, StringComparison.Ordinal);
        Assert.Contains("is not a positive number or fraction", broken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutsEachSchemesResultsIntoTheNationalReportsWorkbook()
    {
        var official = await world.App.SignedInClientAsync(Roles.Official);
        var file = Path.Combine(Path.GetTempPath(), $"mie-report-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, await official.GetByteArrayAsync(new Uri("/reports/national.xlsx?from=2016&to=2018&lang=en", UriKind.Relative)));

        var output = await Python.RunAsync("""
            import sys, json, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            sheet = book["Results worked-example"]
            rows = {r[2].value: (r[1].value, r[4].value, r[4].number_format, r[5].value) for r in sheet.iter_rows(min_row=7)}
            print(json.dumps({"line": sheet["A4"].value, "r04": rows["16R04"], "u03": rows["16U03"]}))
            """, [file]);
        var read = System.Text.Json.JsonDocument.Parse(output).RootElement;

        Assert.StartsWith("Worked example v1 · 2018", read.GetProperty("line").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, read.GetProperty("r04")[0].GetInt32());
        Assert.Equal(77.8m, Math.Round(read.GetProperty("r04")[1].GetDecimal(), 1, MidpointRounding.AwayFromZero));
        Assert.Equal("0.0", read.GetProperty("r04")[2].GetString());
        Assert.Equal("Excellent", read.GetProperty("u03")[3].GetString());
    }

    private static IEnumerable<(string Code, string Rank, string Total)> Rows(IDocument page, string type) =>
        page.QuerySelectorAll($"#results-{type} tbody tr").Select(r =>
            (r.GetAttribute("data-base")!, r.QuerySelector("td")!.TextContent.Trim(), r.QuerySelector("[data-total]")!.TextContent.Trim()));
}
