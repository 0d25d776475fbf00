using System.Globalization;
using AngleSharp.Dom;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Registry;

public sealed class RegistryPageGet : IClassFixture<MieAppFactory>
{
    private readonly MieAppFactory _app;

    public RegistryPageGet(MieAppFactory app) => _app = app;

    private static List<string[]> SeedBases() =>
        File.ReadAllLines(TestPaths.SeedFile("mie-bases.csv")).Skip(1)
            .Select(line => line.Split(',', 6)) // code,batch_year,type,province,region,rest (names may be quoted)
            .ToList();

    private static List<string> Codes(IDocument page) =>
        page.QuerySelectorAll("#registry tbody tr").Select(r => r.GetAttribute("data-code")!).ToList();

    [Fact]
    public async Task ShowsEverySeededBaseWithEnglishNamesGivenEnglish()
    {
        var page = await (await _app.SignedInClientAsync(Roles.Official)).GetDocumentAsync("/bases", "en");

        Assert.Equal(56, Codes(page).Count);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        var haidian = page.QuerySelector("tr[data-code='16R01']")!;
        Assert.Contains("Haidian District", haidian.TextContent, StringComparison.Ordinal);
        Assert.Contains("Beijing", haidian.TextContent, StringComparison.Ordinal);
        Assert.Contains("East", haidian.TextContent, StringComparison.Ordinal);
        Assert.Equal("56 bases shown", page.QuerySelector("[data-registry-count]")!.TextContent.Trim());
    }

    [Fact]
    public async Task ShowsChineseNamesAndLabelsGivenChineseBrowser()
    {
        var page = await (await _app.SignedInClientAsync(Roles.Official)).GetDocumentAsync("/bases", "zh-CN,zh;q=0.9");

        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        var haidian = page.QuerySelector("tr[data-code='16R01']")!;
        Assert.Contains("北京市海淀区", haidian.TextContent, StringComparison.Ordinal);
        Assert.Contains("东部", haidian.TextContent, StringComparison.Ordinal);
        Assert.Contains("示范基地名录", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("region=east", "east", null, null)]
    [InlineData("region=northeast", "northeast", null, null)]
    [InlineData("type=univ_inst", null, "univ_inst", null)]
    [InlineData("batch=2017", null, null, "2017")]
    [InlineData("region=west&type=regional&batch=2016", "west", "regional", "2016")]
    public async Task ListsExactlyTheMatchingBasesGivenFilters(string query, string? region, string? type, string? batch)
    {
        var expected = SeedBases()
            .Where(b => region is null || b[4] == region)
            .Where(b => type is null || b[2] == type)
            .Where(b => batch is null || b[1] == batch)
            .Select(b => b[0]).OrderBy(c => c, StringComparer.Ordinal).ToList();

        var page = await (await _app.SignedInClientAsync(Roles.Official)).GetDocumentAsync($"/bases?{query}", "en");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, Codes(page));
        Assert.Null(page.QuerySelector("[data-ignored-filters]"));
    }

    [Fact]
    public async Task CombinesCentralAndWestGivenCentralWestRegion()
    {
        var expected = SeedBases().Where(b => b[4] is "central" or "west").Select(b => b[0]).Order(StringComparer.Ordinal).ToList();

        var page = await (await _app.SignedInClientAsync(Roles.Official)).GetDocumentAsync("/bases?region=central_west", "en");

        Assert.Equal(expected, Codes(page));
    }

    [Fact]
    public async Task FiltersByProvinceGivenProvinceCode()
    {
        var expected = SeedBases().Where(b => b[3] == "Hubei").Select(b => b[0]).Order(StringComparer.Ordinal).ToList();

        var page = await (await _app.SignedInClientAsync(Roles.Official)).GetDocumentAsync("/bases?province=Hubei", "en");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, Codes(page));
    }

    [Theory]
    [InlineData("region=atlantis", "Unknown region \"atlantis\".")]
    [InlineData("type=startup", "Unknown base type \"startup\".")]
    [InlineData("batch=1999", "Batch \"1999\" is not a year between 2016 and")]
    [InlineData("batch=20x6", "Batch \"20x6\" is not a year between 2016 and")]
    [InlineData("batch=-2016", "Batch \"-2016\" is not a year between 2016 and")]
    [InlineData("province=Atlantis", "Unknown province \"Atlantis\".")]
    public async Task IgnoresTheBadFilterWithAMessageGivenInvalidValue(string query, string message)
    {
        var page = await (await _app.SignedInClientAsync(Roles.Official)).GetDocumentAsync($"/bases?{query}", "en");

        var alert = page.QuerySelector("[data-ignored-filters]");
        Assert.NotNull(alert);
        Assert.Contains(message, alert.TextContent, StringComparison.Ordinal);
        Assert.Equal(56, Codes(page).Count);
    }

    [Fact]
    public async Task KeepsTheValidFiltersGivenOneInvalidFilter()
    {
        var expectedCount = SeedBases().Count(b => b[1] == "2016");

        var page = await (await _app.SignedInClientAsync(Roles.Official)).GetDocumentAsync("/bases?batch=2016&region=mars", "zh-CN");

        Assert.Contains("未知地区“mars”", page.QuerySelector("[data-ignored-filters]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(expectedCount, Codes(page).Count);
    }

    [Fact]
    public async Task EncodesAttackerControlledQueryValuesGivenMarkup()
    {
        using var response = await (await _app.SignedInClientAsync(Roles.Official)).GetAsync(new Uri("/bases?region=%3Cscript%3Ealert(1)%3C/script%3E", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormatsCountsPerCultureOnTheHomePage()
    {
        var page = await (await _app.SignedInClientAsync(Roles.Official)).GetDocumentAsync("/", "en");

        Assert.Equal(56.ToString("N0", CultureInfo.GetCultureInfo("en")), page.QuerySelector("[data-stat=bases]")!.TextContent);
        Assert.Equal("12", page.QuerySelector("[data-stat=indicators]")!.TextContent);
    }
}
