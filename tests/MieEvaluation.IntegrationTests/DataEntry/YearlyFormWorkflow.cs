using System.Net;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.DataEntry;

public sealed class YearlyFormWorkflow : IClassFixture<DataEntryWorld>
{
    private readonly DataEntryWorld _world;

    public YearlyFormWorkflow(DataEntryWorld world) => _world = world;

    private Task<HttpResponseMessage> ReviewAsync(string code, string command, string reason = "") =>
        DataEntryWorld.PostFormAsync(_world.Reviewer, code, new() { ["command"] = command, ["reason"] = reason }, "/review");

    [Fact]
    public async Task GoesThroughSubmitApproveReopenWithReasonsInTheAuditTrail()
    {
        using var submitted = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R01", await _world.FieldsAsync("submit"));
        Assert.Equal(SubmissionStatus.Submitted, await _world.StatusAsync("16R01"));

        using var approved = await ReviewAsync("16R01", "approve");
        Assert.Equal(SubmissionStatus.Approved, await _world.StatusAsync("16R01"));

        using var locked = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R01", await _world.FieldsAsync("save", new() { ["patents_granted"] = "5" }));
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        Assert.Contains("approved and locked", DataEntryWorld.Text(locked), StringComparison.Ordinal);
        Assert.Equal(100m, await _world.StoredAsync("16R01", "patents_granted"));

        using var noReason = await ReviewAsync("16R01", "reopen");
        Assert.Contains("Give a reason", DataEntryWorld.Text(noReason), StringComparison.Ordinal);
        Assert.Equal(SubmissionStatus.Approved, await _world.StatusAsync("16R01"));

        using var reopened = await ReviewAsync("16R01", "reopen", "Corrected census figures");
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        Assert.Equal(SubmissionStatus.Draft, await _world.StatusAsync("16R01"));
        var baseId = await _world.BaseIdAsync("16R01");
        var statuses = await _world.App.WithDbAsync(db => db.AuditEntries.Where(a => a.BaseId == baseId && a.NewStatus != null)
            .OrderBy(a => a.Id).Select(a => new { a.OldStatus, a.NewStatus, a.Comment }).ToListAsync());
        Assert.Equal(
            [(null, SubmissionStatus.Draft, null), (SubmissionStatus.Draft, SubmissionStatus.Submitted, null),
             (SubmissionStatus.Submitted, SubmissionStatus.Approved, null),
             (SubmissionStatus.Approved, SubmissionStatus.Draft, "Corrected census figures")],
            statuses.Select(s => (s.OldStatus, s.NewStatus!.Value, s.Comment)));
        var basePage = await _world.Reviewer.GetDocumentAsync("/bases/16R01");
        Assert.Equal(4, basePage.QuerySelectorAll("#audit tr[data-audit=status]").Length);
        Assert.Contains("Corrected census figures", basePage.QuerySelector("#audit")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(basePage.QuerySelector($"#base-forms tr[data-year='{DataEntryWorld.Year}']"));
    }

    [Fact]
    public async Task ReturnsWithAReasonAndTheNextSaveMakesItADraftAgain()
    {
        using var submitted = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R02", await _world.FieldsAsync("submit"));
        using var returned = await ReviewAsync("16R02", "return", "Patents look off");
        Assert.Equal(SubmissionStatus.Returned, await _world.StatusAsync("16R02"));

        using var saved = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R02", await _world.FieldsAsync("save"));

        Assert.Equal(SubmissionStatus.Draft, await _world.StatusAsync("16R02"));
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("return")]
    [InlineData("reopen")]
    public async Task RefusesReviewActionsGivenADraft(string command)
    {
        using var draft = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R03", await _world.FieldsAsync("save"));

        using var response = await ReviewAsync("16R03", command, "because");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(SubmissionStatus.Draft, await _world.StatusAsync("16R03"));
    }

    [Fact]
    public async Task ForbidsEvaluatorsToApprove()
    {
        using var submitted = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R04", await _world.FieldsAsync("submit"));

        using var response = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R04", new() { ["command"] = "approve" }, "/review");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(SubmissionStatus.Submitted, await _world.StatusAsync("16R04"));
    }

    [Fact]
    public async Task ApprovesNoneOfTheListedFormsWhenOneChangedSinceTheListWasShown()
    {
        using var a = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R05", await _world.FieldsAsync("submit"));
        using var b = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R06", await _world.FieldsAsync("submit"));
        var list = await _world.Reviewer.GetDocumentAsync($"/review?year={DataEntryWorld.Year}");
        // After the reviewer looked, the evaluator saves 16R06 again with a new value.
        using var changed = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R06", await _world.FieldsAsync("submit", new() { ["patents_granted"] = "101" }));

        using var response = await _world.ApproveAllAsListedAsync(list);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(list.QuerySelector("#submitted tr[data-code='16R05'] [data-open-warnings]"));
        Assert.Equal(SubmissionStatus.Submitted, await _world.StatusAsync("16R05")); // nothing half-approved
        Assert.Equal(SubmissionStatus.Submitted, await _world.StatusAsync("16R06"));
    }
}
