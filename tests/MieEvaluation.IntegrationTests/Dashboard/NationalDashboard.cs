using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Registry;
using MieEvaluation.IntegrationTests.Figures;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Dashboard;

public sealed class NationalDashboard : IClassFixture<SeedPanel.Fixture>
{
    private readonly MieAppFactory _app;

    public NationalDashboard(SeedPanel.Fixture fixture) => _app = fixture.App;

    private static List<Dictionary<string, string>> ParseCsv(byte[] bytes)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        using var reader = new StringReader(Encoding.UTF8.GetString(bytes[3..]));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<dynamic>().Select(r => ((IDictionary<string, object>)r).ToDictionary(p => p.Key, p => (string)p.Value)).ToList();
    }

    [Fact]
    public async Task OffersTheProvincesAsAChoiceByTheirChineseNames()
    {
        var official = await _app.SignedInClientAsync(Roles.Official);

        var page = await official.GetDocumentAsync("/dashboard?province=Hubei", "zh-CN");

        var select = page.QuerySelector("select#province")!;
        Assert.Equal("湖北省", select.QuerySelector("option[selected]")!.TextContent.Trim());
        Assert.Equal(32, select.QuerySelectorAll("option").Length); // "all" and the 31 provinces
        Assert.Null(page.QuerySelector("input#province"));
    }

    [Fact]
    public async Task NamesTheUnitOfEveryChartAndOfTheRegionTable()
    {
        var official = await _app.SignedInClientAsync(Roles.Official);

        var page = await official.GetDocumentAsync("/dashboard?from=2016&to=2018&indicator=incubation_area_m2", "zh-CN");

        Assert.Equal("(平方米)", page.QuerySelector("#region-table caption [data-unit]")!.TextContent.Trim());
        Assert.Contains("孵化载体面积", page.QuerySelector("#region-table caption")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(12, page.QuerySelectorAll("#trend-grid figcaption [data-unit]").Length);
        Assert.Equal("(万人)", page.QuerySelector("#trend-grid figure:has([data-trend=new_urban_jobs_10k]) [data-unit]")!.TextContent.Trim());
    }

    [Fact]
    public async Task ShowsTheReportsTableWithNAndGrowthAsPrinted()
    {
        var official = await _app.SignedInClientAsync(Roles.Official);

        var page = await official.GetDocumentAsync("/dashboard?from=2016&to=2018", "en");
        var decimals = await _app.WithDbAsync(db => db.Indicators.ToDictionaryAsync(i => i.Code, i => i.Decimals));

        foreach (var seed in SeedPanel.ReadSeedTable())
        {
            var row = page.QuerySelector($"#national-table tr[data-indicator='{seed.Code}']")!;
            var cells = row.QuerySelectorAll("td[data-year]").ToList();
            var english = CultureInfo.GetCultureInfo("en");
            Assert.Equal(seed.Means.Select(m => m.ToString($"N{decimals[seed.Code]}", english)), cells.Select(c => c.ChildNodes[0].TextContent.Trim()));
            Assert.Equal(["28", "120", "120"], cells.Select(c => c.GetAttribute("data-n")!));
            Assert.Equal($"{seed.CagrPercent.ToString("0.0", CultureInfo.InvariantCulture)} %", row.QuerySelector("[data-cagr]")!.TextContent.Trim());
        }

        Assert.NotNull(page.QuerySelector("script#dashboard-data[type='application/json']"));
        Assert.Equal(12, page.QuerySelectorAll("canvas[data-trend]").Length);
    }

    [Fact]
    public async Task ExportsTheSameTableAsCsvThatParsesBackWithChineseNames()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        analyst.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        using var response = await analyst.GetAsync(new Uri("/export/growth.csv?from=2016&to=2018", UriKind.Relative));
        var rows = ParseCsv(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("mie-growth-2016-2018-all-", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        foreach (var seed in SeedPanel.ReadSeedTable())
        {
            var row = rows.Single(r => r["indicator_code"] == seed.Code);
            Assert.Equal(seed.Means, new[] { row["2016"], row["2017"], row["2018"] }.Select(v => decimal.Parse(v, CultureInfo.InvariantCulture)));
            Assert.Equal(["28", "120", "120"], new[] { row["n_2016"], row["n_2017"], row["n_2018"] });
            Assert.Equal(seed.CagrPercent, decimal.Parse(row["cagr_percent"], CultureInfo.InvariantCulture));
            Assert.Equal("", row["cagr_note"]);
        }

        Assert.Equal("新登记市场主体数量", rows.Single(r => r["indicator_code"] == "new_market_entities")["indicator_name_zh"]);
    }

    [Theory]
    [InlineData("region=east", "east")]
    [InlineData("region=central_west", "central_west")]
    [InlineData("type=univ_inst", "univ_inst")]
    [InlineData("batch=2016", "2016")]
    public async Task ChangesNAndFiguresAsComputedIndependentlyGivenAFilter(string filter, string key)
    {
        var official = await _app.SignedInClientAsync(Roles.Official);
        var values = await _app.WithDbAsync(db => db.IndicatorValues
            .Where(v => v.Indicator.Code == "patents_granted" && v.Submission.Year == 2017)
            .Select(v => new { v.Value, v.Submission.Base.Type, v.Submission.Base.BatchYear, v.Submission.Base.Province.Region }).ToListAsync());
        var chosen = values.Where(v => key switch
        {
            "east" => v.Region == Region.East,
            "central_west" => v.Region is Region.Central or Region.West,
            "univ_inst" => v.Type == BaseType.UnivInst,
            _ => v.BatchYear == 2016,
        }).ToList();

        var page = await official.GetDocumentAsync($"/dashboard?from=2016&to=2018&{filter}", "en");
        var cell = page.QuerySelector("#national-table tr[data-indicator='patents_granted'] td[data-year='2017']")!;

        Assert.Equal(chosen.Count.ToString(CultureInfo.InvariantCulture), cell.GetAttribute("data-n"));
        Assert.Equal((chosen.Sum(v => v.Value!.Value) / chosen.Count).ToString("N0", CultureInfo.GetCultureInfo("en")), cell.ChildNodes[0].TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-ignored-filters]"));
    }

    [Theory]
    [InlineData("from=99999", "\"99999\" is not a year between 2016 and")]
    [InlineData("region=mars", "Unknown region \"mars\"")]
    [InlineData("from=2018&to=2016", "must run forwards")]
    [InlineData("panel=wobbly", "is not a panel")]
    public async Task ExplainsABadFilterOnTheDashboardAndRefusesItInTheExport(string filter, string message)
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        analyst.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var page = await analyst.GetDocumentAsync($"/dashboard?{filter}");
        using var export = await analyst.GetAsync(new Uri($"/export/growth.csv?{filter}", UriKind.Relative));

        Assert.Contains(message, WebUtility.HtmlDecode(page.QuerySelector("[data-ignored-filters]")!.TextContent), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        Assert.Contains(message, await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowsUndefinedGrowthAsADashWithItsReason()
    {
        var official = await _app.SignedInClientAsync(Roles.Official);

        var page = await official.GetDocumentAsync("/dashboard?from=2016&to=2019", "en");
        var cagr = page.QuerySelector("#national-table tr[data-indicator='patents_granted'] [data-cagr]")!;

        Assert.Equal("—", cagr.TextContent.Trim());
        Assert.Equal("No data in 2019.", cagr.GetAttribute("title"));
    }

    [Fact]
    public async Task NeutralisesFormulasInExportedText()
    {
        await _app.WithDbAsync(async db =>
        {
            (await db.Bases.SingleAsync(b => b.Code == "17T064")).NameEn = "=HYPERLINK(\"http://evil.example\",\"click\")";
            return await db.SaveChangesAsync();
        });
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);

        using var response = await analyst.GetAsync(new Uri("/export/values.csv?from=2018&to=2018", UriKind.Relative));
        var rows = ParseCsv(await response.Content.ReadAsByteArrayAsync());

        var row = rows.First(r => r["base_code"] == "17T064");
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"click\")", row["base_name_en"]);
        Assert.All(rows, r => Assert.False(r["value"].StartsWith('\''), "numbers stay numbers"));
    }
}
