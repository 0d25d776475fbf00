using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using MieEvaluation.IntegrationTests.Figures;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Reports;

/// <summary>
/// The Word and Excel reports as an office without Microsoft Office opens them: LibreOffice headless converts the
/// .docx to PDF (read back by poppler) and every sheet of the .xlsx to CSV, and finds the titles and the dashboard's
/// figures.
/// </summary>
public sealed class ReportsInLibreOffice(SeedPanel.Fixture fixture) : IClassFixture<SeedPanel.Fixture>
{
    private async Task<string> DownloadAsync(string url)
    {
        var official = await fixture.App.SignedInClientAsync(Roles.Official);
        using var response = await official.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = Path.Combine(Directory.CreateTempSubdirectory("mie-report-").FullName, Path.GetFileName(new Uri("http://x" + url).AbsolutePath));
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        return file;
    }

    /// <summary>The dashboard's growth table: per indicator, its name and the figures as printed, year by year.</summary>
    private async Task<List<(string Name, List<string> Shown)>> DashboardAsync(string language)
    {
        var official = await fixture.App.SignedInClientAsync(Roles.Official);
        var page = await official.GetDocumentAsync("/dashboard?from=2016&to=2018", language);
        return [.. page.QuerySelectorAll("#national-table tbody tr[data-indicator]").Select(r => (
            r.QuerySelector("th")!.ChildNodes[0].TextContent.Trim(),
            r.QuerySelectorAll("td[data-year]").Select(c => c.ChildNodes[0].TextContent.Trim()).ToList()))];
    }

    [Fact]
    public async Task OpensTheWordReportWithItsTitleTablesAndPages()
    {
        var docx = await DownloadAsync("/reports/national.docx?from=2016&to=2018&lang=zh-CN");
        var pdf = (await DocumentReaders.ConvertWithLibreOfficeAsync(docx, "pdf")).Single();
        var text = await DocumentReaders.PdfTextAsync(pdf);
        var pages = int.Parse((await DocumentReaders.PdfInfoAsync(pdf))["Pages"], CultureInfo.InvariantCulture);

        Assert.Contains("全国双创示范基地评估报告", await DocumentReaders.PdfTextAsync(pdf, 1), StringComparison.Ordinal);
        Assert.InRange(pages, 6, 40);
        // Word's PAGE and NUMPAGES fields, computed by LibreOffice: the last page says it is the last.
        Assert.Matches($@"第\s*{pages}\s*页\s*/\s*共\s*{pages}\s*页", await DocumentReaders.PdfTextAsync(pdf, pages));
        // The Chinese is set in a Chinese font (SimSun and SimHei fall back to the machine's), embedded.
        Assert.Contains(await DocumentReaders.PdfFontsAsync(pdf), f => f.Name.Contains("WenQuanYi", StringComparison.Ordinal) && f.Embedded);
        // Twelve charts as pictures.
        Assert.Equal(12, await DocumentReaders.PdfImageCountAsync(pdf));
        foreach (var (name, shown) in await DashboardAsync("zh-CN"))
        {
            Assert.True(Regex.IsMatch(text, string.Join(@"\s+\d+\s+", shown.Select(Regex.Escape))), $"{name}: no line reads {string.Join(" … ", shown)}");
        }
    }

    [Fact]
    public async Task OpensEverySheetOfTheWorkbookWithTheFiguresAsNumbers()
    {
        var xlsx = await DownloadAsync("/reports/national.xlsx?from=2016&to=2018&lang=en");
        // Every sheet to its own CSV (the last token, -1), numbers as stored rather than as formatted.
        var sheets = await DocumentReaders.ConvertWithLibreOfficeAsync(xlsx, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1");
        var growth = sheets.Single(f => f.EndsWith("-Growth table.csv", StringComparison.Ordinal));
        var lines = await File.ReadAllLinesAsync(growth);

        Assert.Contains(sheets, f => f.EndsWith("-Completeness.csv", StringComparison.Ordinal));
        Assert.Contains(sheets, f => f.EndsWith("-Balanced panel.csv", StringComparison.Ordinal));
        Assert.StartsWith("National evaluation of the mass innovation and entrepreneurship demonstration bases · Growth table", lines[0], StringComparison.Ordinal);
        foreach (var (name, shown) in await DashboardAsync("en"))
        {
            var row = lines.Single(l => l.StartsWith(name.Contains(',', StringComparison.Ordinal) ? $"\"{name}\"" : name + ",", StringComparison.Ordinal));
            var cells = Regex.Split(row, ",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            for (var y = 0; y < shown.Count; y++)
            {
                // The number LibreOffice read, rounded as the dashboard rounds, prints as the dashboard does.
                var number = decimal.Parse(cells[2 + (2 * y)], CultureInfo.InvariantCulture);
                Assert.Equal(shown[y], Printed.Like(number, shown[y], CultureInfo.GetCultureInfo("en")));
            }
        }
    }
}
