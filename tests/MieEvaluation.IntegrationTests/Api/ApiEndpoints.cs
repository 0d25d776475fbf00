using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Groups;
using MieEvaluation.IntegrationTests.Figures;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Api;

public sealed class ApiEndpoints : IClassFixture<SeedPanel.Fixture>
{
    private readonly MieAppFactory _app;

    public ApiEndpoints(SeedPanel.Fixture fixture) => _app = fixture.App;

    [Fact]
    public async Task ReturnsTheReportsTableFromTheFiguresEndpoint()
    {
        var (client, _, _) = await _app.TokenClientAsync(Roles.Official);

        var json = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/figures/national?from=2016&to=2018", UriKind.Relative));

        foreach (var seed in SeedPanel.ReadSeedTable())
        {
            var row = json.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == seed.Code);
            Assert.Equal(seed.Means, row.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("value").GetDecimal()));
            Assert.Equal([28, 120, 120], row.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("n").GetInt32()));
            Assert.Equal(seed.CagrPercent, row.GetProperty("cagr").GetProperty("percent").GetDecimal());
            Assert.True(row.GetProperty("cagr").GetProperty("rate").GetDecimal() > 0);
        }
    }

    [Theory]
    [InlineData("/api/v1/figures/national?from=99999", HttpStatusCode.BadRequest, "is not a year")]
    [InlineData("/api/v1/figures/national?region=mars", HttpStatusCode.BadRequest, "Unknown region")]
    [InlineData("/api/v1/figures/bases/NOPE", HttpStatusCode.NotFound, "no base with the code")]
    public async Task AnswersAProblemWithAClearMessageGivenABadParameter(string url, HttpStatusCode status, string message)
    {
        var (client, _, _) = await _app.TokenClientAsync(Roles.Official);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(message, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportsOnlyAfterADryRunAndNothingOfAFileWithOneBadRow()
    {
        var (client, _, userId) = await _app.TokenClientAsync(Roles.Evaluator);
        await _app.WithDbAsync(async db =>
        {
            var group = new ExpertGroup { Name = "API", Year = 2019 };
            group.Members.Add(new ExpertGroupMember { UserId = userId, Organisation = "S", Expertise = ExpertiseKind.Professional });
            group.Bases.Add(new ExpertGroupBase { BaseId = await db.Bases.Where(b => b.Code == "16R05").Select(b => b.Id).SingleAsync() });
            db.ExpertGroups.Add(group);
            return await db.SaveChangesAsync();
        });
        Task<int> CountAsync() => _app.WithDbAsync(db => db.IndicatorValues.CountAsync(v => v.Submission.Year == 2019));
        const string good = "base_code,year,indicator_code,value\n16R05,2019,patents_granted,300\n16R05,2019,people_trained,20000\n";
        const string bad = good + "16R05,2019,research_centres,lots\n";

        using var dry = await client.PostAsync(new Uri("/api/v1/values/import?dryRun=true", UriKind.Relative), ApiClients.Csv(good));
        var afterDry = await CountAsync();
        using var failing = await client.PostAsync(new Uri("/api/v1/values/import", UriKind.Relative), ApiClients.Csv(bad));
        var afterFailing = await CountAsync();
        using var real = await client.PostAsync(new Uri("/api/v1/values/import", UriKind.Relative), ApiClients.Csv(good));

        var preview = await dry.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.OK, 2), (dry.StatusCode, preview.GetProperty("newValues").GetInt32()));
        Assert.Equal(0, afterDry);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, failing.StatusCode);
        Assert.Equal(4, (await failing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("line").GetInt32());
        Assert.Equal(0, afterFailing);
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        Assert.Equal(2, await CountAsync());
    }

    [Fact]
    public async Task ListsValuesAsJsonOrCsv()
    {
        var (client, _, _) = await _app.TokenClientAsync(Roles.Analyst);

        var json = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/values?base=16R01&from=2018&to=2018&indicator=patents_granted", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/values?base=16R01&from=2018&to=2018&indicator=patents_granted");
        request.Headers.Accept.ParseAdd("text/csv");
        using var csv = await client.SendAsync(request);
        var text = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF');

        var only = Assert.Single(json.EnumerateArray());
        Assert.Equal("16R01", only.GetProperty("base_code").GetString());
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("base_code,base_name_zh,base_name_en,region,type,province,batch_year,year,indicator_code,", text, StringComparison.Ordinal);
        // The number prints the same in JSON and CSV (the raw JSON text, not a parsed double).
        Assert.Contains($",2018,patents_granted,", text, StringComparison.Ordinal);
        Assert.Contains($",{only.GetProperty("value").GetRawText()},approved,", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribesItselfWithOpenApi()
    {
        var json = await _app.CreateClient().GetFromJsonAsync<JsonElement>(new Uri("/api/v1/openapi.json", UriKind.Relative));

        var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/figures/national", paths);
        Assert.Contains("/api/v1/values/import", paths);
        Assert.Contains("/api/v1/tokens", paths);
    }
}
