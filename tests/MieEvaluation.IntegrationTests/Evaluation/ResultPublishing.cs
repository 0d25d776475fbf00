using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.IntegrationTests.Api;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Evaluation;

/// <summary>
/// Publishing freezes a year's results; values changed afterwards show as "changed since publication" with the
/// difference, the published results stay; withdrawing needs a reason and keeps the record.
/// </summary>
public sealed class ResultPublishing : IAsyncLifetime
{
    private readonly EvaluationWorld _world = new();

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        var (admin, _, _) = await _world.App.TokenClientAsync(Roles.Administrator);
        using var saved = await admin.PostAsync(new Uri("/api/v1/evaluation/schemes", UriKind.Relative),
            new StringContent(EvaluationWorld.SchemeJson, Encoding.UTF8, "application/json"));
        Assert.True(saved.IsSuccessStatusCode);
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task FreezesTheResultsAndShowsWhatChangedSinceWithoutReplacingThem()
    {
        var admin = await _world.App.SignInAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword, "en");
        using var published = await admin.PostFormAsync("/evaluation/worked-example/2018", "/evaluation/worked-example/2018/publish", []);
        using var twice = await admin.PostFormAsync("/evaluation/worked-example/2018", "/evaluation/worked-example/2018/publish", []);
        var frozen = await _world.App.WithDbAsync(db => db.ResultPublications.SingleAsync());

        // 16R02's patents rise from 80 to 500 in 2018 (the regional maximum becomes 500): ranks and totals move.
        await _world.App.WithDbAsync(async db =>
        {
            var value = await db.Submissions.Where(s => s.Base.Code == "16R02" && s.Year == 2018).SelectMany(s => s.Values)
                .SingleAsync(v => v.Indicator.Code == "patents_granted");
            value.Value = 500;
            return await db.SaveChangesAsync();
        });
        var page = await admin.GetDocumentAsync("/evaluation/worked-example/2018");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("already published", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((1, 2018, MieAppFactory.AdminEmail), (frozen.SchemeVersion, frozen.DataYear, frozen.PublishedBy));
        var frozenR04 = System.Text.Json.Nodes.JsonNode.Parse(frozen.ResultsJson)!["results"]!.AsArray().Single(r => (string)r!["base_code"]! == "16R04")!;
        Assert.InRange((double)frozenR04["total"]!, (700.0 / 9) - 1e-9, (700.0 / 9) + 1e-9); // at full precision, not as displayed
        Assert.Equal("true", page.QuerySelector("#publication")!.GetAttribute("data-published"));
        var change = page.QuerySelector("#changes tr[data-change='16R02']")!.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("17.5", change[1]); // the published total, as published
        Assert.NotEqual("17.5", change[2]);
        Assert.Equal(await _world.App.WithDbAsync(db => db.ResultPublications.Select(p => p.ResultsJson).SingleAsync()), frozen.ResultsJson);
    }

    [Fact]
    public async Task WithdrawsOnlyWithAReasonAndKeepsTheRecord()
    {
        var admin = await _world.App.SignInAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword, "zh-CN");
        await admin.PostFormAsync("/evaluation/worked-example/2018", "/evaluation/worked-example/2018/publish", []);

        using var noReason = await admin.PostFormAsync("/evaluation/worked-example/2018", "/evaluation/worked-example/2018/withdraw", new Dictionary<string, string> { ["reason"] = "  " });
        var stillPublished = await _world.App.WithDbAsync(db => db.ResultPublications.CountAsync(p => p.WithdrawnAtUtc == null));
        using var withdrawn = await admin.PostFormAsync("/evaluation/worked-example/2018", "/evaluation/worked-example/2018/withdraw", new Dictionary<string, string> { ["reason"] = "数据复核后更正" });
        var record = await _world.App.WithDbAsync(db => db.ResultPublications.SingleAsync());
        var page = await admin.GetDocumentAsync("/evaluation/worked-example/2018");
        var official = await _world.App.SignedInClientAsync(Roles.Official);
        using var byOfficial = await official.PostFormAsync("/evaluation/worked-example/2018", "/evaluation/worked-example/2018/publish", []);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("请填写原因", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, stillPublished);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(("数据复核后更正", MieAppFactory.AdminEmail), (record.WithdrawalReason, record.WithdrawnBy));
        Assert.Equal("false", page.QuerySelector("#publication")!.GetAttribute("data-published"));
        Assert.Contains("数据复核后更正", page.QuerySelector("#withdrawals")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byOfficial.StatusCode);
    }
}
