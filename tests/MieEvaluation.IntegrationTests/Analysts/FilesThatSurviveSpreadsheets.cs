using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MieEvaluation.IntegrationTests.Api;
using MieEvaluation.IntegrationTests.Figures;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Analysts;

/// <summary>
/// Issue 15, findings 1, 2 and 6 and the workbooks: the exports read back by the readers analysts use (pandas with
/// default options, openpyxl), the former codes still accepted, a spreadsheet-mangled code explained, a LibreOffice
/// CSV (BOM and quoted header) and an openpyxl-written workbook imported through the same preview and gate.
/// </summary>
public sealed partial class FilesThatSurviveSpreadsheets : IClassFixture<SeedPanel.Fixture>
{
    private readonly MieAppFactory _app;

    public FilesThatSurviveSpreadsheets(SeedPanel.Fixture fixture) => _app = fixture.App;

    private static readonly string[] NumberTypes = ["int", "float"];

    [GeneratedRegex(@"^\d{2}[RUCT]\d{2,3}$")]
    private static partial Regex CodeShape();

    [Fact]
    public async Task PandasWithDefaultOptionsReadsEveryBaseCodeAsText()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        var file = Path.Combine(Path.GetTempPath(), $"mie-values-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(file, await analyst.GetByteArrayAsync(new Uri("/export/values.csv?from=2016&to=2018", UriKind.Relative)));

        // No dtype, no options: what a new analyst types first. Before issue 15, 16E01 came back as 160.0.
        var output = await Python.RunAsync("""
            import sys, pandas as pd
            frame = pd.read_csv(sys.argv[1])
            print(frame["base_code"].dtype)
            print("\n".join(sorted(set(frame["base_code"].astype(str)))))
            """, [file]);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("object", lines[0]);
        Assert.Contains("16C01", lines);
        // Every code came back as written (the test panel adds synthetic bases coded 17T…), none as a number.
        Assert.All(lines.Skip(1), code => Assert.Matches(CodeShape(), code));
    }

    [Fact]
    public async Task TheWorkbookKeepsCodesAsTextAndNumbersAsNumbers()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);
        using var response = await analyst.GetAsync(new Uri("/export/values.xlsx?from=2018&to=2018&indicator=incubation_area_m2", UriKind.Relative));
        var file = Path.Combine(Path.GetTempPath(), $"mie-values-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());

        var output = await Python.RunAsync("""
            import sys, json, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            sheet = book.worksheets[0]
            header = [c.value for c in sheet[1]]
            rows = list(sheet.iter_rows(min_row=2))
            code, value = header.index("base_code"), header.index("value")
            print(json.dumps({
                "sheets": book.sheetnames, "frozen": sheet.freeze_panes, "header": header,
                "codeTypes": sorted({c[code].data_type for c in rows}), "codes": [c[code].value for c in rows],
                "valueTypes": sorted({type(c[value].value).__name__ for c in rows}), "formats": sorted({c[value].number_format for c in rows}),
                "about": {r[0].value: r[1].value for r in book.worksheets[1].iter_rows(min_row=2)}}))
            """, [file]);
        var read = JsonDocument.Parse(output).RootElement;

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        Assert.Equal("A2", read.GetProperty("frozen").GetString());
        Assert.Equal(["s"], read.GetProperty("codeTypes").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("16C01", read.GetProperty("codes").EnumerateArray().Select(e => e.GetString()));
        // Incubation area has 2 decimals: every number is a number, shown with 2 decimals.
        Assert.All(read.GetProperty("valueTypes").EnumerateArray(), t => Assert.Contains(t.GetString(), NumberTypes));
        Assert.Equal(["0.00"], read.GetProperty("formats").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("incubation_area_m2", read.GetProperty("about").GetProperty("indicator").GetString());
        Assert.Equal("approved", read.GetProperty("about").GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheFormerEnterpriseCodeIsStillAcceptedEverywhere()
    {
        var (reviewer, _, _) = await _app.TokenClientAsync(Roles.Reviewer);
        var (analyst, _, _) = await _app.TokenClientAsync(Roles.Analyst);

        using var import = await reviewer.PostAsync(new Uri("/api/v1/values/import?dryRun=true", UriKind.Relative),
            ApiClients.Csv("base_code,year,indicator_code,value\n16E01,2019,patents_granted,12\n"));
        var figures = await analyst.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/figures/bases/16E01", UriKind.Relative));
        var values = await analyst.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/values?base=16E01&from=2018&to=2018", UriKind.Relative));
        var page = await (await _app.SignedInClientAsync(Roles.Official)).GetDocumentAsync("/bases/16E01", "en");

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Equal(1, (await import.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("newValues").GetInt32());
        Assert.Equal("16C01", figures.GetProperty("code").GetString());
        Assert.NotEmpty(values.EnumerateArray());
        Assert.All(values.EnumerateArray(), v => Assert.Equal("16C01", v.GetProperty("base_code").GetString()));
        Assert.Contains("16C01", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.60E+02", "16C01 (16E01)")]
    [InlineData("160", "16C01 (16E01)")]
    [InlineData("16000000", "16C06 (16E06)")]
    public async Task ACodeASpreadsheetTurnedIntoANumberIsExplainedAndNothingIsWritten(string mangled, string probably)
    {
        var (reviewer, _, _) = await _app.TokenClientAsync(Roles.Reviewer);

        using var response = await reviewer.PostAsync(new Uri("/api/v1/values/import", UriKind.Relative),
            ApiClients.Csv($"base_code,year,indicator_code,value\n{mangled},2019,patents_granted,12\n"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var message = body.GetProperty("errors")[0].GetProperty("message").GetString()!;
        Assert.Contains("电子表格已把编号转换成了数字", message, StringComparison.Ordinal);
        Assert.Contains(probably, message, StringComparison.Ordinal);
        Assert.Equal(0, body.GetProperty("newValues").GetInt32());
    }

    [Fact]
    public async Task ACsvWithAByteOrderMarkAndAQuotedHeaderIsRead()
    {
        var (reviewer, _, _) = await _app.TokenClientAsync(Roles.Reviewer);
        // What LibreOffice writes for "CSV UTF-8" with "quote all text cells".
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
            "\"base_code\",\"year\",\"indicator_code\",\"value\"\r\n\"16R02\",2019,\"patents_granted\",7\r\n")).ToArray();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("text/csv");

        using var response = await reviewer.PostAsync(new Uri("/api/v1/values/import?dryRun=true", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("newValues").GetInt32());
    }

    [Fact]
    public async Task AWorkbookWrittenByOpenpyxlGoesThroughTheSamePreviewAndChecks()
    {
        var file = Path.Combine(Path.GetTempPath(), $"mie-import-{Guid.NewGuid():N}.xlsx");
        // Codes as typed into Excel: one as text, one former code, a number cell for the year and the value, one bad value.
        await Python.RunAsync("""
            import sys, openpyxl
            book = openpyxl.Workbook()
            sheet = book.active
            sheet.append(["base_code", "year", "indicator_code", "value", "comment"])
            sheet.append(["16R03", 2019, "patents_granted", 41, None])
            sheet.append(["16E02", 2019, "incubation_area_m2", 1250.5, "measured"])
            sheet.append(["16R04", 2019, "patents_granted", -3, None])
            book.save(sys.argv[1])
            """, [file]);
        var (reviewer, _, _) = await _app.TokenClientAsync(Roles.Reviewer);
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(file));
        content.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        using var response = await reviewer.PostAsync(new Uri("/api/v1/values/import?dryRun=true", UriKind.Relative), content);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        // The negative value is refused on its line (4), as in a CSV; nothing is written.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(4, error.GetProperty("line").GetInt32());
        Assert.Contains("数值不能为负", error.GetProperty("message").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileThatOnlyLooksLikeAWorkbookIsRefusedWithAMessage()
    {
        var (reviewer, _, _) = await _app.TokenClientAsync(Roles.Reviewer);
        using var content = new ByteArrayContent([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6]);
        content.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        using var response = await reviewer.PostAsync(new Uri("/api/v1/values/import?dryRun=true", UriKind.Relative), content);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Excel工作簿", body.GetProperty("errors")[0].GetProperty("message").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWideTemplateAsAWorkbookComesBackThroughTheImport()
    {
        var reviewer = await _app.SignedInClientAsync(Roles.Reviewer);
        var template = Path.Combine(Path.GetTempPath(), $"mie-wide-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(template, await reviewer.GetByteArrayAsync(new Uri("/import/template/wide.xlsx?year=2019", UriKind.Relative)));

        // A user fills one cell in Excel (here openpyxl) and saves: the codes must still be codes.
        await Python.RunAsync("""
            import sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            sheet = book.worksheets[0]
            header = [c.value for c in sheet[1]]
            for row in sheet.iter_rows(min_row=2):
                if row[0].value == "16C03":
                    row[header.index("patents_granted")].value = 5
            book.save(sys.argv[1])
            """, [template]);
        var (api, _, _) = await _app.TokenClientAsync(Roles.Reviewer);
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(template));
        content.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        using var response = await api.PostAsync(new Uri("/api/v1/values/import?dryRun=true", UriKind.Relative), content);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, body.GetProperty("newValues").GetInt32());
        Assert.Equal("16C03", body.GetProperty("forms")[0].GetProperty("baseCode").GetString());
    }

    [Fact]
    public async Task ThePandasSnippetOfTheExportsGuideRuns()
    {
        // The app in its own process on a real port (pandas cannot call the in-memory test server), on the seed panel.
        var path = TestPaths.NewDatabaseFile();
        await using (var factory = new MieAppFactory(path))
        {
            _ = factory.CreateClient();
            await factory.WithDbAsync(db => SeedPanel.BuildAsync(db));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var app = await AppProcess.StartAsync(AppProcess.BuiltApp, Path.GetTempPath(), new Dictionary<string, string>
        {
            ["Database__SqlitePath"] = path,
            ["Security__HttpsOnly"] = "false",
        });
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var tokenResponse = await http.PostAsJsonAsync(new Uri("/api/v1/tokens", UriKind.Relative),
            new { email = MieAppFactory.AdminEmail, password = MieAppFactory.AdminPassword, name = "pandas" });
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var guide = await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "docs", "exports.md"));
        var snippet = Regex.Match(guide, "### pandas.*?```python\n(?<code>.*?)```", RegexOptions.Singleline).Groups["code"].Value;

        var output = await Python.RunAsync(snippet, environment: new Dictionary<string, string>
        {
            ["BASE_URL"] = app.BaseAddress.ToString().TrimEnd('/'), ["MIE_TOKEN"] = token,
        });

        Assert.NotEmpty(snippet);
        Assert.Contains("rows in the workbook", output, StringComparison.Ordinal);
        Assert.EndsWith("True", output.TrimEnd(), StringComparison.Ordinal);
    }
}
