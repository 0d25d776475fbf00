using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Dashboard;

public sealed class CompletenessPage : IAsyncLifetime
{
    private readonly MieAppFactory _app = new();

    public async Task InitializeAsync()
    {
        _ = _app.CreateClient();
        await _app.WithDbAsync(async db =>
        {
            var ids = await db.Bases.ToDictionaryAsync(b => b.Code, b => b.Id);
            var now = DateTime.UtcNow;
            void Form(string code, int year, SubmissionStatus status) =>
                db.Submissions.Add(new Submission { BaseId = ids[code], Year = year, Status = status, CreatedAtUtc = now, UpdatedAtUtc = now });
            Form("16R01", 2017, SubmissionStatus.Approved);
            Form("16R02", 2017, SubmissionStatus.Submitted);
            Form("16R03", 2017, SubmissionStatus.Draft);
            Form("17U01", 2017, SubmissionStatus.Approved);
            Form("16R01", 2016, SubmissionStatus.Approved);
            return await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ShowsEachBasesStateAndTheReportingRateAgainstTheBasesExpected()
    {
        var official = await _app.SignedInClientAsync(Roles.Official);

        var page = await official.GetDocumentAsync("/completeness?from=2016&to=2017", "en");

        string State(string code, int year) => page.QuerySelector($"#completeness-matrix tr[data-code='{code}'] td[data-year='{year}']")!.GetAttribute("data-state")!;
        Assert.Equal(("Approved", "Submitted", "Draft", "Missing"), (State("16R01", 2017), State("16R02", 2017), State("16R03", 2017), State("16R04", 2017)));
        Assert.Equal("NotExpected", State("17U01", 2016)); // the 2017 batch is not expected to report in 2016
        var rate2016 = page.QuerySelector("#reporting-rates tr[data-year='2016']")!;
        var rate2017 = page.QuerySelector("#reporting-rates tr[data-year='2017']")!;
        Assert.Equal(("28", "1"), (rate2016.QuerySelector("[data-expected]")!.TextContent, rate2016.QuerySelector("[data-reported]")!.TextContent));
        Assert.Equal(("56", "3", "5.4 %"), (rate2017.QuerySelector("[data-expected]")!.TextContent, rate2017.QuerySelector("[data-reported]")!.TextContent,
            rate2017.QuerySelector("[data-rate]")!.TextContent));
        Assert.NotNull(page.QuerySelector("#by-region tr[data-group='east'] [data-state='Approved']"));
    }

    [Fact]
    public async Task ExportsTheMatrixAsCsv()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);

        var text = await analyst.GetStringAsync(new Uri("/export/completeness.csv?from=2016&to=2017", UriKind.Relative));

        var lines = text.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("base_code,base_name_zh,base_name_en,region,type,province,batch_year,2016,2017", lines[0]);
        Assert.EndsWith(",approved,approved", lines.Single(l => l.StartsWith("16R01,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith(",,approved", lines.Single(l => l.StartsWith("17U01,", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamesRegionsAndTypesInTheReadersLanguage()
    {
        var official = await _app.SignedInClientAsync(Roles.Official);

        var chinese = await official.GetDocumentAsync("/completeness?from=2016&to=2017", "zh-CN");
        var english = await official.GetDocumentAsync("/completeness?from=2016&to=2017", "en");

        Assert.Equal("东部", chinese.QuerySelector("#by-region tr[data-group='east'] th")!.TextContent.Trim());
        Assert.Equal("企业示范基地", chinese.QuerySelector("#by-type tr[data-group='enterprise'] th")!.TextContent.Trim());
        Assert.DoesNotContain(chinese.QuerySelectorAll("#by-region th[scope=row], #by-type th[scope=row]"), th => th.TextContent.Any(char.IsAsciiLetter));
        Assert.Equal("East", english.QuerySelector("#by-region tr[data-group='east'] th")!.TextContent.Trim());
    }

    [Fact]
    public async Task ExplainsABadYear()
    {
        var official = await _app.SignedInClientAsync(Roles.Official);

        var page = await official.GetDocumentAsync("/completeness?from=99999", "en");
        using var export = await (await _app.SignedInClientAsync(Roles.Analyst)).GetAsync(new Uri("/export/completeness.csv?to=abc", UriKind.Relative));

        Assert.Contains("\"99999\" is not a year", WebUtility.HtmlDecode(page.QuerySelector("[data-ignored-filters]")!.TextContent), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        Assert.Equal(2016.ToString(CultureInfo.InvariantCulture), page.QuerySelector("#from")!.GetAttribute("value"));
    }
}
