using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.IntegrationTests.DataEntry;
using MieEvaluation.IntegrationTests.Import;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.Gate;

/// <summary>The import writes through the same gate as the form: submit rules, explained gaps, locks and versions.</summary>
public sealed class ImportsThroughTheGate : IClassFixture<DataEntryWorld>
{
    private static readonly int Year = DataEntryWorld.Year;
    private readonly DataEntryWorld _world;

    public ImportsThroughTheGate(DataEntryWorld world) => _world = world;

    /// <summary>A long file: every indicator of each base at last year's value (no warning), with the overrides given.</summary>
    private async Task<byte[]> FileAsync(IEnumerable<string> codes, Dictionary<(string Base, string Indicator), (string Value, string Comment)>? overrides = null,
        IEnumerable<string>? onlyIndicators = null)
    {
        var indicators = onlyIndicators?.ToList() ?? await _world.App.WithDbAsync(db => db.Indicators.Where(i => i.IsActive).Select(i => i.Code).ToListAsync());
        var text = new StringBuilder("base_code,year,indicator_code,value,comment\n");
        foreach (var code in codes)
        {
            foreach (var indicator in indicators)
            {
                var (value, comment) = overrides is not null && overrides.TryGetValue((code, indicator), out var given) ? given : ("100", "");
                text.Append(CultureInfo.InvariantCulture, $"{code},{Year},{indicator},{value},{comment}\n");
            }
        }

        return ImportClient.Utf8(text.ToString());
    }

    [Fact]
    public async Task SubmitsOnlyTheImportedFormsThatPassTheSubmitRulesAndSaysWhyOthersStayDrafts()
    {
        var file = await FileAsync(["16R01", "16R02"], new() { [("16R02", "patents_granted")] = ("400", "") });

        var (preview, page) = await ImportClient.UploadAsync(_world.Evaluator, file);
        Assert.Equal("true", page.QuerySelector("#import-forms tr[data-code='16R01']")!.GetAttribute("data-ready"));
        Assert.Equal("false", page.QuerySelector("#import-forms tr[data-code='16R02']")!.GetAttribute("data-ready"));
        Assert.Contains("explain the warning", page.QuerySelector("[data-import-warnings]")!.TextContent, StringComparison.Ordinal);
        using var confirmed = await ImportClient.ConfirmAsync(_world.Evaluator, page);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(SubmissionStatus.Submitted, await _world.StatusAsync("16R01"));
        Assert.Equal(SubmissionStatus.Draft, await _world.StatusAsync("16R02"));
        Assert.Equal(400m, await _world.StoredAsync("16R02", "patents_granted"));
    }

    [Fact]
    public async Task AOneValueImportLeavesAnIncompleteFormADraft()
    {
        var (_, page) = await ImportClient.UploadAsync(_world.Evaluator, await FileAsync(["16R03"], onlyIndicators: ["patents_granted"]));
        using var confirmed = await ImportClient.ConfirmAsync(_world.Evaluator, page);

        Assert.Equal(SubmissionStatus.Draft, await _world.StatusAsync("16R03"));
    }

    [Fact]
    public async Task AReviewersApprovalOnImportApprovesOnlyTheFormsThatPassAndThroughSubmitted()
    {
        var file = await FileAsync(["16R04", "16R05"], new() { [("16R05", "patents_granted")] = ("", "") });
        var (_, refused) = await ImportClient.UploadAsync(_world.Reviewer, file);
        Assert.Contains("no comment", refused.QuerySelector("[data-import-errors]")!.TextContent, StringComparison.Ordinal);

        file = await FileAsync(["16R04", "16R05"], new() { [("16R05", "patents_granted")] = ("400", "") });
        var (_, page) = await ImportClient.UploadAsync(_world.Reviewer, file);
        using var confirmed = await ImportClient.ConfirmAsync(_world.Reviewer, page, approve: true);

        Assert.Equal(SubmissionStatus.Approved, await _world.StatusAsync("16R04"));
        Assert.Equal(SubmissionStatus.Draft, await _world.StatusAsync("16R05"));
        var baseId = await _world.BaseIdAsync("16R04");
        var steps = await _world.App.WithDbAsync(db => db.AuditEntries.Where(a => a.BaseId == baseId && a.Year == Year && a.NewStatus != null)
            .OrderBy(a => a.Id).Select(a => a.NewStatus!.Value).ToListAsync());
        Assert.Equal([SubmissionStatus.Draft, SubmissionStatus.Submitted, SubmissionStatus.Approved], steps);
    }

    [Fact]
    public async Task AnEmptyValueWithACommentIsAnExplainedGapThatLetsTheFormBeSubmitted()
    {
        var file = await FileAsync(["16R06"], new() { [("16R06", "patents_granted")] = ("", "Register not yet published") });
        var (_, page) = await ImportClient.UploadAsync(_world.Evaluator, file);
        using var confirmed = await ImportClient.ConfirmAsync(_world.Evaluator, page);

        Assert.Equal(SubmissionStatus.Submitted, await _world.StatusAsync("16R06"));
        var baseId = await _world.BaseIdAsync("16R06");
        var gap = await _world.App.WithDbAsync(db => db.IndicatorValues
            .Where(v => v.Submission.BaseId == baseId && v.Submission.Year == Year && v.Indicator.Code == "patents_granted")
            .Select(v => new { v.Value, v.Comment }).SingleAsync());
        Assert.Null(gap.Value);
        Assert.Equal("Register not yet published", gap.Comment);
    }

    [Fact]
    public async Task RefusesByNameAndWritesNothingWhenTheFormChangedSinceThePreview()
    {
        var (_, page) = await ImportClient.UploadAsync(_world.Evaluator, await FileAsync(["16R07"], new() { [("16R07", "patents_granted")] = ("99", "") }));
        using var saved = await DataEntryWorld.PostFormAsync(_world.SecondEvaluator, "16R07", await _world.FieldsAsync("save", new() { ["patents_granted"] = "98" }));

        using var confirmed = await ImportClient.ConfirmAsync(_world.Evaluator, page);

        Assert.Equal(HttpStatusCode.Conflict, confirmed.StatusCode);
        Assert.Contains("16R07", DataEntryWorld.Text(confirmed), StringComparison.Ordinal);
        Assert.Equal(98m, await _world.StoredAsync("16R07", "patents_granted"));
        Assert.Equal(100m, await _world.StoredAsync("16R07", "new_market_entities"));
    }

    [Fact]
    public async Task StoresANewCommentOnAnUnchangedValue()
    {
        var (_, first) = await ImportClient.UploadAsync(_world.Evaluator, await FileAsync(["16R08"]));
        using var a = await ImportClient.ConfirmAsync(_world.Evaluator, first);
        var (_, second) = await ImportClient.UploadAsync(_world.Evaluator,
            await FileAsync(["16R08"], new() { [("16R08", "patents_granted")] = ("100", "Checked against the register") }));

        Assert.Equal(1, ImportClient.Count(second, "changed"));
        using var b = await ImportClient.ConfirmAsync(_world.Evaluator, second);
        var baseId = await _world.BaseIdAsync("16R08");
        Assert.Equal("Checked against the register", await _world.App.WithDbAsync(db => db.IndicatorValues
            .Where(v => v.Submission.BaseId == baseId && v.Submission.Year == Year && v.Indicator.Code == "patents_granted").Select(v => v.Comment).SingleAsync()));
    }
}
