using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.IntegrationTests.DataEntry;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.Import;

public sealed class ValueImport : IClassFixture<DataEntryWorld>
{
    private static readonly int Year = DataEntryWorld.Year;
    private readonly DataEntryWorld _world;

    public ValueImport(DataEntryWorld world) => _world = world;

    private Task<int> ValueCountAsync() => _world.App.WithDbAsync(db => db.IndicatorValues.CountAsync());

    [Fact]
    public async Task ImportsALongFileOnceAndChangesNothingTheSecondTime()
    {
        var file = ImportClient.Utf8($"base_code,year,indicator_code,value,comment\n16R01,{Year},patents_granted,105,\n16R01,{Year},people_trained,110,from the registry\n16R02,{Year},patents_granted,101,\n", bom: true);

        var (_, preview) = await ImportClient.UploadAsync(_world.Evaluator, file, "spring-2026.csv");
        using var confirmed = await ImportClient.ConfirmAsync(_world.Evaluator, preview);
        var (_, again) = await ImportClient.UploadAsync(_world.Evaluator, file, "spring-2026.csv");

        Assert.Equal((3, 0, 0), (ImportClient.Count(preview, "new"), ImportClient.Count(preview, "changed"), ImportClient.Count(preview, "unchanged")));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        // Two of the twelve indicators: the form is incomplete, so the import leaves it a draft (the gate's submit rules).
        Assert.Equal(SubmissionStatus.Draft, await _world.StatusAsync("16R01"));
        Assert.Equal(110m, await _world.StoredAsync("16R01", "people_trained"));
        var baseId = await _world.BaseIdAsync("16R01");
        var audit = await _world.App.WithDbAsync(db => db.AuditEntries.Where(a => a.BaseId == baseId && a.Year == Year).ToListAsync());
        Assert.All(audit, a => Assert.Equal((ChangeSource.Import, "spring-2026.csv"), (a.Source, a.SourceName)));
        Assert.Equal(2, audit.Count(a => a.IndicatorId != null));
        Assert.Equal((0, 0, 3), (ImportClient.Count(again, "new"), ImportClient.Count(again, "changed"), ImportClient.Count(again, "unchanged")));
        Assert.NotNull(again.QuerySelector("[data-nothing-to-import]"));
    }

    [Fact]
    public async Task ImportsAWideFileWithBaseNamesAndEmptyCells()
    {
        var file = ImportClient.Utf8($"base_code,year,base_name,patents_granted,research_centres\n16R03,{Year},天津,120,\n16R04,{Year},上海,99,38\n");

        var (response, preview) = await ImportClient.UploadAsync(_world.Evaluator, file);
        using var confirmed = await ImportClient.ConfirmAsync(_world.Evaluator, preview);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, ImportClient.Count(preview, "new"));
        Assert.Equal(38m, await _world.StoredAsync("16R04", "research_centres"));
        Assert.Null(await _world.StoredAsync("16R03", "research_centres"));
    }

    [Fact]
    public async Task AcceptsAGb18030FileAsChineseExcelSavesIt()
    {
        var gb = Encoding.GetEncoding("GB18030");
        var file = gb.GetBytes($"base_code,year,indicator_code,value,comment\n16R05,{Year},patents_granted,100,专利数据来自知识产权局\n");

        var (_, preview) = await ImportClient.UploadAsync(_world.Evaluator, file);
        using var confirmed = await ImportClient.ConfirmAsync(_world.Evaluator, preview);

        var baseId = await _world.BaseIdAsync("16R05");
        Assert.Equal("专利数据来自知识产权局", await _world.App.WithDbAsync(db => db.IndicatorValues
            .Where(v => v.Submission.BaseId == baseId && v.Submission.Year == Year).Select(v => v.Comment).SingleAsync()));
    }

    public static TheoryData<string, int, string> BadFiles => new()
    {
        { "\n\n", 0, "The file is empty." },
        { "base_code,year,indicator_code,value\n", 1, "header but no data rows" },
        { "code,jahr,x\n16R01,2020,1\n", 1, "The header must start with base_code,year" },
        { "base_code,year,patents_granted,teleportation\n16R01,{Y},1,2\n", 1, "Unknown or repeated indicator columns: teleportation" },
        { "base_code,year,indicator_code,value\nXX99,{Y},patents_granted,1\n", 2, "no active base with the code \"XX99\"" },
        { "base_code,year,indicator_code,value\n16R01,{Y},telepathy,1\n", 2, "Unknown indicator code \"telepathy\"" },
        { "base_code,year,indicator_code,value\n16R01,2015,patents_granted,1\n", 2, "is not a year between the batch year 2016" },
        { "base_code,year,indicator_code,value\n16R01,{Y},patents_granted,\"11,740\"\n", 2, "is not a number" },
        { "base_code,year,indicator_code,value\n16R01,{Y},patents_granted,1.2e3\n", 2, "is not a number" },
        { "base_code,year,indicator_code,value\n16R01,{Y},patents_granted,NaN\n", 2, "is not a number" },
        { "base_code,year,indicator_code,value\n16R01,{Y},patents_granted,-3\n", 2, "cannot be negative" },
        { "base_code,year,indicator_code,value\n16R01,{Y},patents_granted,1\n16R01,{Y},patents_granted,2\n", 3, "already appear on line 2" },
        { "base_code,year,indicator_code,value\n16R01,{Y},patents_granted\n", 2, "The row has 3 fields; the header has 4." },
        { "base_code,year,indicator_code,value\n16R10,{Y},patents_granted,1\n", 2, "not assigned to your expert groups" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task ReportsTheLineAndWritesNothingGivenABadFile(string content, int line, string message)
    {
        var before = await ValueCountAsync();
        var file = ImportClient.Utf8(content.Replace("{Y}", Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var (response, preview) = await ImportClient.UploadAsync(_world.Evaluator, file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = preview.QuerySelector($"[data-import-errors] li[data-line='{line}']");
        Assert.NotNull(error);
        Assert.Contains(message, error.TextContent, StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector("form[action='/import/confirm']"));
        Assert.Equal(before, await ValueCountAsync());
    }

    [Fact]
    public async Task RefusesAnEmptyUpload()
    {
        var (response, page) = await ImportClient.UploadAsync(_world.Evaluator, []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The file is empty.", page.QuerySelector("[data-form-errors]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsAnUnknownEncoding()
    {
        byte[] file = [.. Encoding.ASCII.GetBytes("base_code,year,indicator_code,value\n16R01,2020,patents_granted,"), 0xFF, 0xFF, 0x0A];

        var (_, preview) = await ImportClient.UploadAsync(_world.Evaluator, file);

        Assert.Contains("neither UTF-8 nor GB18030", preview.QuerySelector("[data-import-errors]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAFileOverTheSizeLimit()
    {
        await using var app = new MieAppFactory().With("Import:MaxFileBytes", "64");
        var evaluator = await app.SignedInClientAsync(MieEvaluation.Web.Security.Roles.Evaluator);
        evaluator.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var (response, page) = await ImportClient.UploadAsync(evaluator, ImportClient.Utf8(new string('x', 65)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("larger than", page.QuerySelector("[data-form-errors]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LetsAReviewerImportAndApproveHistoricalData()
    {
        var file = await CompleteFormAsync("17U01", 2018, "77");

        var (_, preview) = await ImportClient.UploadAsync(_world.Reviewer, file);
        using var confirmed = await ImportClient.ConfirmAsync(_world.Reviewer, preview, approve: true);

        Assert.Equal(SubmissionStatus.Approved, await _world.App.WithDbAsync(db => db.Submissions
            .Where(s => s.Base.Code == "17U01" && s.Year == 2018).Select(s => s.Status).SingleAsync()));
    }

    /// <summary>A long file with every active indicator of one form at the same value: complete, and without warnings here.</summary>
    private async Task<byte[]> CompleteFormAsync(string code, int year, string value)
    {
        var indicators = await _world.App.WithDbAsync(db => db.Indicators.Where(i => i.IsActive).Select(i => i.Code).ToListAsync());
        return ImportClient.Utf8("base_code,year,indicator_code,value\n" + string.Concat(indicators.Select(i => $"{code},{year},{i},{value}\n")));
    }

    [Fact]
    public async Task RefusesRowsOfAnApprovedForm()
    {
        var file = await CompleteFormAsync("17U02", 2018, "1");
        var (_, first) = await ImportClient.UploadAsync(_world.Reviewer, file);
        using var approved = await ImportClient.ConfirmAsync(_world.Reviewer, first, approve: true);

        var (_, second) = await ImportClient.UploadAsync(_world.Reviewer, ImportClient.Utf8("base_code,year,indicator_code,value\n17U02,2018,patents_granted,2\n"));

        Assert.Contains("approved and locked", second.QuerySelector("[data-import-errors]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OffersTemplatesPrefilledWithTheEvaluatorsBases()
    {
        var wide = await _world.Evaluator.GetStringAsync(new Uri($"/import/template/wide.csv?year={Year}", UriKind.Relative));
        var longFormat = await _world.Evaluator.GetStringAsync(new Uri("/import/template/long.csv", UriKind.Relative));

        var lines = wide.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("base_code,year,base_name,new_market_entities,", lines[0], StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, 9).Select(i => $"16R{i:00}"), lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Equal("base_code,year,indicator_code,value,comment", longFormat.TrimStart('\uFEFF').Trim());
    }
}
