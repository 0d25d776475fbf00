using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.IntegrationTests.Api;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Evaluation;

/// <summary>
/// Schemes in and out through the API, versioned, refused with every problem in the caller's language; results and
/// robustness of the worked example computed from the database's approved values.
/// </summary>
public sealed class EvaluationApi(EvaluationWorld world) : IClassFixture<EvaluationWorld>
{
    private static readonly Uri Schemes = new("/api/v1/evaluation/schemes", UriKind.Relative);

    [Fact]
    public async Task ComputesTheWorkedExampleFromTheApprovedValues()
    {
        var admin = await AdminAsync();
        await SaveAsync(admin, EvaluationWorld.SchemeJson);
        var (official, _, _) = await world.App.TokenClientAsync(Roles.Official);

        using var response = await official.GetAsync(new Uri("/api/v1/evaluation/schemes/worked-example/results?year=2018", UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        using var expectedDocument = JsonDocument.Parse(File.ReadAllText(Path.Combine(EvaluationWorld.Folder, "example-results.json")));
        var expected = expectedDocument.RootElement.GetProperty("minmax");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("worked-example", 2018, "approved"), ((string)body["scheme"]!, (int)body["year"]!, (string)body["scope"]!));
        Near(expected.GetProperty("weights").GetProperty("items").GetProperty("patents_granted:level").GetDouble(), (double)body["weights"]!["items"]!["patents_granted:level"]!);
        var results = body["results"]!.AsArray().ToDictionary(r => (string)r!["base_code"]!);
        foreach (var b in expected.GetProperty("bases").EnumerateObject())
        {
            var result = results[b.Name]!;
            Near(b.Value.GetProperty("total").GetDouble(), (double)result["total"]!);
            Assert.Equal(b.Value.GetProperty("rank").GetInt32(), (int)result["rank"]!);
            Assert.Equal(b.Value.GetProperty("grade").ValueKind == JsonValueKind.Null ? null : b.Value.GetProperty("grade").GetString(), (string?)result["grade"]);
            Near(b.Value.GetProperty("coverage").GetDouble(), (double)result["coverage"]!);
            Near(b.Value.GetProperty("dimensions").GetProperty("actors").GetDouble(), (double)result["dimensions"]!["actors"]!);
        }

        // The other bases of the registry reported nothing: no total, and the reason why.
        var silent = results["16C01"]!;
        Assert.Null(silent["total"]);
        Assert.Equal("too_much_missing_data", (string?)silent["undefined_reason"]);
        Assert.Equal("enterprise", (string?)silent["type"]);
    }

    [Fact]
    public async Task SavesAVersionOnlyWhenTheSchemeChangesAndGivesEachBack()
    {
        var admin = await AdminAsync();
        var scheme = JsonNode.Parse(EvaluationWorld.SchemeJson)!;
        scheme["code"] = "versioned";
        using var first = await PostAsync(admin, scheme.ToJsonString());
        using var same = await PostAsync(admin, scheme.ToJsonString());
        scheme["max_missing_weight"] = 0.5;
        using var changed = await PostAsync(admin, scheme.ToJsonString());
        using var v1 = await admin.GetAsync(new Uri("/api/v1/evaluation/schemes/versioned?version=1", UriKind.Relative));
        using var latest = await admin.GetAsync(new Uri("/api/v1/evaluation/schemes/versioned", UriKind.Relative));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Created), (first.StatusCode, same.StatusCode, changed.StatusCode));
        Assert.Equal("/api/v1/evaluation/schemes/versioned?version=2", changed.Headers.Location!.OriginalString);
        Assert.Equal(1, (int)JsonNode.Parse(await same.Content.ReadAsStringAsync())!["version"]!);
        Assert.Equal(0.25m, (decimal)JsonNode.Parse(await v1.Content.ReadAsStringAsync())!["max_missing_weight"]!);
        Assert.Equal(0.5m, (decimal)JsonNode.Parse(await latest.Content.ReadAsStringAsync())!["max_missing_weight"]!);
        Assert.Equal("2", latest.Headers.GetValues("X-Scheme-Version").Single());
    }

    [Fact]
    public async Task RefusesAnInvalidSchemeWithEveryProblemInTheCallersLanguageAndSavesNothing()
    {
        var admin = await AdminAsync();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var scheme = JsonNode.Parse(EvaluationWorld.SchemeJson)!;
        scheme["code"] = "broken";
        scheme["dimension_weighting"] = JsonNode.Parse("{\"ahp\": [[\"1\", \"9\"], [\"9\", \"1\"]]}");
        scheme["dimensions"]![0]!["items"]![0]!["indicator"] = "unicorns";
        var before = await world.App.WithDbAsync(db => db.SchemeVersions.CountAsync());

        using var response = await PostAsync(admin, scheme.ToJsonString());
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var problems = problem["problems"]!.AsArray().Select(p => ((string)p!["path"]!, (string)p["key"]!, (string)p["message"]!)).ToList();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(problems, p => p.Item1 == "dimension_weighting.ahp[1][0]" && p.Item2 == "AhpNotReciprocal" && p.Item3.Contains("不互为倒数", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Item1 == "dimensions[0].items[0].indicator" && p.Item3.Contains("“unicorns”", StringComparison.Ordinal));
        Assert.Equal(before, await world.App.WithDbAsync(db => db.SchemeVersions.CountAsync()));
    }

    [Fact]
    public async Task NamesTheConsistencyRatioOfAnInconsistentMatrix()
    {
        var admin = await AdminAsync();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var scheme = JsonNode.Parse(EvaluationWorld.SchemeJson)!;
        scheme["code"] = "inconsistent";
        // Three items weighted by the cyclic matrix with a = 9: CR = ((1 + 9 + 1/9 − 3)/2)/0.58 = 6.130.
        scheme["dimensions"]![1]!["weighting"] = JsonNode.Parse("{\"ahp\": [[\"1\", \"9\", \"1/9\"], [\"1/9\", \"1\", \"9\"], [\"9\", \"1/9\", \"1\"]]}");

        using var response = await PostAsync(admin, scheme.ToJsonString());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("CR = 6.130 must be below 0.10", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all", "NotJson")]
    [InlineData("{\"code\": \"x\", \"weights\": []}", "UnknownField")]
    public async Task RefusesWhatIsNotASchemeWith422(string body, string key)
    {
        using var response = await PostAsync(await AdminAsync(), body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains($"\"key\":\"{key}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LetsOnlyAdministratorsSaveAndRefusesAnotherContentType()
    {
        var (official, _, _) = await world.App.TokenClientAsync(Roles.Official);
        var (evaluator, _, _) = await world.App.TokenClientAsync(Roles.Evaluator);

        using var byOfficial = await PostAsync(official, EvaluationWorld.SchemeJson);
        using var readByEvaluator = await evaluator.GetAsync(Schemes);
        using var asText = await (await AdminAsync()).PostAsync(Schemes, new StringContent(EvaluationWorld.SchemeJson, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.Forbidden, byOfficial.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readByEvaluator.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, asText.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/evaluation/schemes/worked-example/results", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/evaluation/schemes/worked-example/results?year=abc", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/evaluation/schemes/worked-example/results?year=1990", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/evaluation/schemes/worked-example/results?year=2018&colour=red", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/evaluation/schemes/worked-example/robustness?year=2018&runs=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/evaluation/schemes/worked-example/robustness?year=2018&spread=1", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/evaluation/schemes/worked-example/robustness?year=2018&vary_normalisation=maybe", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/evaluation/schemes/no-such-scheme/results?year=2018", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/evaluation/schemes/worked-example?version=99", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/evaluation/nothing-here", HttpStatusCode.NotFound)]
    public async Task AnswersABadOrUnknownParameterWithAProblem(string path, HttpStatusCode status)
    {
        var admin = await AdminAsync();
        await SaveAsync(admin, EvaluationWorld.SchemeJson);

        using var response = await admin.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task GivesTheNominalRankAsEveryIntervalWithoutSpreadAndWiderOnesWithIt()
    {
        var admin = await AdminAsync();
        await SaveAsync(admin, EvaluationWorld.SchemeJson);

        var still = await RobustnessAsync(admin, "spread=0&runs=50");
        var shaken = await RobustnessAsync(admin, "spread=0.9&runs=400&seed=7&vary_normalisation=true");
        var again = await RobustnessAsync(admin, "spread=0.9&runs=400&seed=7&vary_normalisation=true");

        // Nominal ranks of the example (minmax): 16R04 1, 16R01 2, 16R02 3, 17R03 4 among the regional bases.
        Assert.Equal((1, 1, 1), Interval(still["16R04"]));
        Assert.Equal((4, 4, 4), Interval(still["17R03"]));
        Assert.Contains(shaken.Values.Where(b => b["median_rank"] is not null), b => Interval(b).High > Interval(b).Low);
        Assert.Equal(shaken.Values.Select(b => b.ToJsonString()), again.Values.Select(b => b.ToJsonString())); // the seed repeats the runs
        Assert.Null((int?)still["16C01"]!["median_rank"]);
    }

    private static async Task<Dictionary<string, JsonNode>> RobustnessAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync(new Uri($"/api/v1/evaluation/schemes/worked-example/robustness?year=2018&{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["bases"]!.AsArray().ToDictionary(b => (string)b!["base_code"]!, b => b!);
    }

    private static (int Median, int Low, int High) Interval(JsonNode b) => ((int)b["median_rank"]!, (int)b["rank_low"]!, (int)b["rank_high"]!);

    private async Task<HttpClient> AdminAsync() => (await world.App.TokenClientAsync(Roles.Administrator)).Client;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string json) =>
        client.PostAsync(Schemes, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task SaveAsync(HttpClient client, string json)
    {
        using var response = await PostAsync(client, json);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static void Near(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9, $"expected {expected:R}, got {actual:R}");
}
