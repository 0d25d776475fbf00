using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MieEvaluation.IntegrationTests.Api;
using MieEvaluation.IntegrationTests.Figures;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Analysts;

/// <summary>
/// Issue 15, findings 4 to 7: every export through the API as JSON, CSV and workbook; unknown parameters 400, unknown
/// codes 404, a wrong content type 415, never a redirect from /api; filters that filter; the same numbers in JSON and
/// CSV; and every endpoint's real answers valid against the OpenAPI document (checked by python's jsonschema).
/// </summary>
public sealed class OneApiSurfaceForExports : IClassFixture<SeedPanel.Fixture>
{
    private static readonly string[] Exports = ["growth", "growth-long", "values", "completeness", "issues"];

    private static readonly string[] JsonGets =
    [
        "/api/v1/bases", "/api/v1/indicators", "/api/v1/figures/national?from=2016&to=2018", "/api/v1/growth?from=2017&to=2018",
        "/api/v1/growth-long?from=2017&to=2018", "/api/v1/values?from=2017&to=2018", "/api/v1/completeness?from=2017&to=2018", "/api/v1/issues",
    ];

    private static readonly string[] ImportBodies =
        ["base_code,year,indicator_code,value\n16R05,2019,patents_granted,3\n", "base_code,year,indicator_code,value\nXXX,2019,patents_granted,3\n"];

    private readonly MieAppFactory _app;

    public OneApiSurfaceForExports(SeedPanel.Fixture fixture) => _app = fixture.App;

    public static TheoryData<string> EveryGetEndpoint() =>
    [
        "/api/v1/bases", "/api/v1/indicators", "/api/v1/figures/national", "/api/v1/figures/bases/16R01",
        .. Exports.SelectMany(e => new[] { $"/api/v1/{e}", $"/api/v1/{e}.csv", $"/api/v1/{e}.xlsx" }),
        .. Exports.SelectMany(e => new[] { $"/export/{e}.csv", $"/export/{e}.xlsx" }),
    ];

    [Theory]
    [MemberData(nameof(EveryGetEndpoint))]
    public async Task EveryEndpointRefusesAnUnknownParameterAndNamesTheOnesItTakes(string path)
    {
        var (client, _, _) = await _app.TokenClientAsync(Roles.Administrator);

        using var response = await client.GetAsync(new Uri(path + "?foo=bar", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("foo", text, StringComparison.Ordinal);
        Assert.Equal(path.StartsWith("/api", StringComparison.Ordinal) ? "application/problem+json" : "text/plain", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/values?base=XXX", "XXX")]
    [InlineData("/api/v1/values?indicator=nope", "nope")]
    [InlineData("/api/v1/issues?category=999", "999")]
    [InlineData("/api/v1/growth?province=Atlantis", "Atlantis")]
    [InlineData("/api/v1/figures/bases/XXX", "XXX")]
    [InlineData("/export/values.csv?base=XXX", "XXX")]
    public async Task AnUnknownCodeIsNotFound(string path, string code)
    {
        var (client, _, _) = await _app.TokenClientAsync(Roles.Administrator);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(code, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/figures/national.csv", true)]
    [InlineData("/api/v1/nothing-here", true)]
    [InlineData("/api/v1/values.csv", false)]
    [InlineData("/api/v1/nothing-here", false)]
    public async Task NoApiPathRedirects(string path, bool withToken)
    {
        var client = withToken ? (await _app.TokenClientAsync(Roles.Analyst)).Client : _app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(withToken ? HttpStatusCode.NotFound : HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnImportWithoutATableContentTypeIs415NotALoginPage()
    {
        var (client, _, _) = await _app.TokenClientAsync(Roles.Reviewer);

        using var response = await client.PostAsync(new Uri("/api/v1/values/import?dryRun=true", UriKind.Relative),
            new StringContent("base_code,year,indicator_code,value\n", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ABearerTokenOpensTheFileExports()
    {
        var (client, _, _) = await _app.TokenClientAsync(Roles.Analyst);

        using var response = await client.GetAsync(new Uri("/export/growth.csv?from=2016&to=2018", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task FiltersFilter()
    {
        var (client, _, _) = await _app.TokenClientAsync(Roles.Administrator);
        async Task<List<JsonElement>> Rows(string path) => (await client.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative))).EnumerateArray().ToList();

        var east = await Rows("/api/v1/values?region=east&from=2018&to=2018");
        var all = await Rows("/api/v1/values?from=2018&to=2018");
        var completenessEast = await Rows("/api/v1/completeness?region=east&from=2017&to=2018");
        var issues = await Rows("/api/v1/issues");
        var year = issues.Select(i => i.GetProperty("year").GetInt32()).DefaultIfEmpty(2017).Min();
        var issuesOfYear = await Rows($"/api/v1/issues?year={year}");

        Assert.NotEmpty(east);
        Assert.True(east.Count < all.Count);
        Assert.All(east, r => Assert.Equal("east", r.GetProperty("region").GetString()));
        Assert.NotEmpty(completenessEast);
        Assert.All(completenessEast, r => Assert.Equal("east", r.GetProperty("region").GetString()));
        Assert.Equal(["2017", "2018"], completenessEast[0].EnumerateObject().Select(p => p.Name).Where(n => n.StartsWith("20", StringComparison.Ordinal)));
        Assert.All(issuesOfYear, r => Assert.Equal(year, r.GetProperty("year").GetInt32()));
        Assert.Equal(issues.Count(i => i.GetProperty("year").GetInt32() == year), issuesOfYear.Count);
    }

    [Fact]
    public async Task TheGrowthExportsCarryTheMedianAReasonCodeAndATidyForm()
    {
        var (client, _, _) = await _app.TokenClientAsync(Roles.Official);

        var wide = (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/growth?from=2016&to=2018", UriKind.Relative))).EnumerateArray().ToList();
        var single = (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/growth?from=2018&to=2018", UriKind.Relative))).EnumerateArray().ToList();
        var tidy = (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/growth-long?from=2016&to=2018", UriKind.Relative))).EnumerateArray().ToList();
        var national = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/figures/national?from=2016&to=2018", UriKind.Relative));

        foreach (var seed in SeedPanel.ReadSeedTable())
        {
            var row = wide.Single(r => r.GetProperty("indicator_code").GetString() == seed.Code);
            var median = national.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == seed.Code).GetProperty("medianBaseCagr");
            Assert.Equal(seed.CagrPercent, row.GetProperty("cagr_percent").GetDecimal());
            Assert.Equal(median.GetProperty("percent").GetRawText(), row.GetProperty("median_base_cagr_percent").GetRawText());
            Assert.Equal(median.GetProperty("n").GetInt32(), row.GetProperty("median_base_cagr_n").GetInt32());
            var years = tidy.Where(r => r.GetProperty("indicator_code").GetString() == seed.Code).ToList();
            Assert.Equal([2016, 2017, 2018], years.Select(y => y.GetProperty("year").GetInt32()));
            Assert.Equal(seed.Means, years.Select(y => y.GetProperty("value").GetDecimal()));
            Assert.Equal(JsonValueKind.Null, years[0].GetProperty("growth_rate").ValueKind);
            // Growth on the year before, computed here from the seed's means: (m2018 / m2017) − 1.
            Assert.Equal(Math.Round((seed.Means[2] / seed.Means[1] - 1m) * 100m, 1, MidpointRounding.AwayFromZero), years[2].GetProperty("growth_percent").GetDecimal());
        }

        // One year: no growth, and the reason is a code, not only a sentence.
        Assert.All(single, r => Assert.Equal("InvalidRange", r.GetProperty("cagr_reason").GetString()));
    }

    [Fact]
    public async Task NumbersPrintTheSameInJsonAndCsv()
    {
        var (client, _, _) = await _app.TokenClientAsync(Roles.Analyst);

        var json = await client.GetStringAsync(new Uri("/api/v1/values?from=2016&to=2018&indicator=incubation_area_m2", UriKind.Relative));
        var csv = await client.GetStringAsync(new Uri("/api/v1/values.csv?from=2016&to=2018&indicator=incubation_area_m2", UriKind.Relative));

        var fromJson = JsonNode.Parse(json)!.AsArray().Select(r => r!["value"]!.ToJsonString()).ToList();
        using var reader = new CsvHelper.CsvReader(new StringReader(csv.TrimStart('\uFEFF')), CultureInfo.InvariantCulture);
        var fromCsv = new List<string>();
        await reader.ReadAsync();
        reader.ReadHeader();
        while (await reader.ReadAsync())
        {
            fromCsv.Add(reader.GetField("value")!);
        }

        Assert.NotEmpty(fromJson);
        Assert.Equal(fromJson, fromCsv);
        Assert.DoesNotContain(fromJson, v => v.Contains('E', StringComparison.OrdinalIgnoreCase) || (v.Contains('.', StringComparison.Ordinal) && v.EndsWith('0')));
    }

    [Fact]
    public async Task EveryAnswerIsValidAgainstTheOpenApiDocument()
    {
        var (admin, _, _) = await _app.TokenClientAsync(Roles.Administrator);
        var anonymous = _app.CreateClient(new() { AllowAutoRedirect = false });
        var document = await anonymous.GetStringAsync(new Uri("/api/v1/openapi.json", UriKind.Relative));
        var cases = new JsonArray();
        async Task Record(string method, string template, HttpResponseMessage response)
        {
            var body = await response.Content.ReadAsStringAsync();
            cases.Add(new JsonObject
            {
                ["method"] = method, ["path"] = template, ["status"] = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture),
                ["contentType"] = response.Content.Headers.ContentType?.MediaType, ["body"] = JsonNode.Parse(body),
            });
        }

        foreach (var path in JsonGets)
        {
            using var response = await admin.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Record("get", path.Split('?')[0], response);
        }

        using (var response = await admin.GetAsync(new Uri("/api/v1/figures/bases/16R01", UriKind.Relative)))
        {
            await Record("get", "/api/v1/figures/bases/{code}", response);
        }

        foreach (var (path, status) in new[] { ("/api/v1/values?foo=bar", 400), ("/api/v1/values?base=XXX", 404) })
        {
            using var response = await admin.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(status, (int)response.StatusCode);
            await Record("get", path.Split('?')[0], response);
        }

        using (var response = await anonymous.GetAsync(new Uri("/api/v1/growth", UriKind.Relative)))
        {
            await Record("get", "/api/v1/growth", response);
        }

        foreach (var csv in ImportBodies)
        {
            using var response = await admin.PostAsync(new Uri("/api/v1/values/import?dryRun=true", UriKind.Relative), ApiClients.Csv(csv));
            await Record("post", "/api/v1/values/import", response);
        }

        using (var response = await admin.PostAsync(new Uri("/api/v1/bases/import?dryRun=true", UriKind.Relative),
                   ApiClients.Csv("code,batch_year,type,province,region,name_zh,name_en\n17R99,2017,regional,Hubei,central,测试区,Test District\n")))
        {
            await Record("post", "/api/v1/bases/import", response);
        }

        using (var response = await anonymous.PostAsJsonAsync(new Uri("/api/v1/tokens", UriKind.Relative),
                   new { email = MieAppFactory.AdminEmail, password = MieAppFactory.AdminPassword, name = "schema" }))
        {
            await Record("post", "/api/v1/tokens", response);
        }

        var scheme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "WorkedExample", "example-scheme.json")).Replace("worked-example", "openapi-check", StringComparison.Ordinal);
        foreach (var body in new[] { scheme, "{\"code\": 1}" })
        {
            using var response = await admin.PostAsync(new Uri("/api/v1/evaluation/schemes", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            await Record("post", "/api/v1/evaluation/schemes", response);
        }

        foreach (var (path, template) in new[]
                 {
                     ("/api/v1/evaluation/schemes", "/api/v1/evaluation/schemes"),
                     ("/api/v1/evaluation/schemes/openapi-check", "/api/v1/evaluation/schemes/{code}"),
                     ("/api/v1/evaluation/schemes/openapi-check/results?year=2018", "/api/v1/evaluation/schemes/{code}/results"),
                     ("/api/v1/evaluation/schemes/openapi-check/robustness?year=2018&runs=20", "/api/v1/evaluation/schemes/{code}/robustness"),
                 })
        {
            using var response = await admin.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Record("get", template, response);
        }

        // No round is set up here: the import answers 422 with its reason, the results 404.
        using (var response = await admin.PostAsync(new Uri("/api/v1/evaluation/rounds/2025/expert-scores?dryRun=true", UriKind.Relative),
                   ApiClients.Csv("base_code,expert_email,criterion_code,score,comment\n16R01,a@b.c,plan,50,\n")))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            await Record("post", "/api/v1/evaluation/rounds/{year}/expert-scores", response);
        }

        using (var response = await admin.GetAsync(new Uri("/api/v1/evaluation/rounds/2025/expert-results", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            await Record("get", "/api/v1/evaluation/rounds/{year}/expert-results", response);
        }

        var folder = Directory.CreateTempSubdirectory("mie-openapi").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "openapi.json"), document);
        await File.WriteAllTextAsync(Path.Combine(folder, "cases.json"), cases.ToJsonString());

        var output = await Python.RunAsync("""
            import json, sys, jsonschema
            document = json.load(open(sys.argv[1]))
            resolver = jsonschema.RefResolver.from_schema(document)
            for case in json.load(open(sys.argv[2])):
                answer = document["paths"][case["path"]][case["method"]]["responses"][case["status"]]
                schema = answer["content"][case["contentType"]]["schema"]
                jsonschema.Draft202012Validator(schema, resolver=resolver).validate(case["body"])
                print("valid", case["method"], case["path"], case["status"])
            """, [Path.Combine(folder, "openapi.json"), Path.Combine(folder, "cases.json")]);

        Assert.Equal(cases.Count, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith("valid", StringComparison.Ordinal)));
        // Every path of the document was exercised: none is left undescribed or untested.
        var paths = JsonNode.Parse(document)!["paths"]!.AsObject().Select(p => p.Key).Where(p => !p.EndsWith(".csv", StringComparison.Ordinal) && !p.EndsWith(".xlsx", StringComparison.Ordinal) && !p.EndsWith(".docx", StringComparison.Ordinal) && !p.EndsWith(".pdf", StringComparison.Ordinal));
        Assert.All(paths, p => Assert.Contains(cases, c => (string?)c!["path"] == p));
    }
}
