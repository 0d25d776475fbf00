using System.Net;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.IntegrationTests.DataEntry;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.Gate;

/// <summary>The form's writes through the one gate: submit rules, back to draft, explained gaps, audit of comments, approve-all.</summary>
public sealed class FormWritesThroughTheGate : IClassFixture<DataEntryWorld>
{
    private readonly DataEntryWorld _world;

    public FormWritesThroughTheGate(DataEntryWorld world) => _world = world;

    [Fact]
    public async Task SavingASubmittedFormWithAChangeSendsItBackToDraftAndSaysSo()
    {
        using var submitted = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R01", await _world.FieldsAsync("submit"));
        Assert.Equal(SubmissionStatus.Submitted, await _world.StatusAsync("16R01"));

        using var saved = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R01", await _world.FieldsAsync("save", new() { ["patents_granted"] = "101" }));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(SubmissionStatus.Draft, await _world.StatusAsync("16R01"));
        var page = await _world.Evaluator.GetDocumentAsync(DataEntryWorld.FormUrl("16R01"));
        Assert.Contains("submit it again", page.Body!.TextContent, StringComparison.Ordinal);
        var baseId = await _world.BaseIdAsync("16R01");
        var last = await _world.App.WithDbAsync(db => db.AuditEntries.Where(a => a.BaseId == baseId && a.NewStatus != null)
            .OrderByDescending(a => a.Id).Select(a => new { a.OldStatus, a.NewStatus }).FirstAsync());
        Assert.Equal((SubmissionStatus?)SubmissionStatus.Submitted, last.OldStatus);
        Assert.Equal((SubmissionStatus?)SubmissionStatus.Draft, last.NewStatus);
    }

    [Fact]
    public async Task ASubmitWithAnUnexplainedWarningIsRefusedAndChangesNothing()
    {
        using var refused = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R02", await _world.FieldsAsync("submit", new() { ["patents_granted"] = "400" }));

        Assert.Contains("explain the warning", DataEntryWorld.Text(refused), StringComparison.Ordinal);
        Assert.Null(await _world.StatusAsync("16R02"));
        Assert.Null(await _world.StoredAsync("16R02", "patents_granted"));
    }

    [Fact]
    public async Task AChangeOfACommentAloneIsStoredAndAudited()
    {
        using var first = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R03", await _world.FieldsAsync("save"));
        using var second = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R03",
            await _world.FieldsAsync("save", comments: new() { ["patents_granted"] = "Counted from the patent office's register" }));

        var baseId = await _world.BaseIdAsync("16R03");
        var audited = await _world.App.WithDbAsync(db => db.AuditEntries
            .Where(a => a.BaseId == baseId && a.IndicatorId != null && a.Comment == "Counted from the patent office's register").CountAsync());
        var stored = await _world.App.WithDbAsync(db => db.IndicatorValues
            .Where(v => v.Submission.BaseId == baseId && v.Submission.Year == DataEntryWorld.Year && v.Indicator.Code == "patents_granted")
            .Select(v => v.Comment).SingleAsync());
        Assert.Equal(1, audited);
        Assert.Equal("Counted from the patent office's register", stored);
    }

    [Fact]
    public async Task AnExplainedGapIsStoredWithItsReasonAndTheFormCanBeSubmitted()
    {
        using var submitted = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R04", await _world.FieldsAsync("submit",
            new() { ["patents_granted"] = "" }, new() { ["patents_granted"] = "The patent office has not published 2025 yet." }));

        Assert.Equal(SubmissionStatus.Submitted, await _world.StatusAsync("16R04"));
        var baseId = await _world.BaseIdAsync("16R04");
        var gap = await _world.App.WithDbAsync(db => db.IndicatorValues
            .Where(v => v.Submission.BaseId == baseId && v.Submission.Year == DataEntryWorld.Year && v.Indicator.Code == "patents_granted")
            .Select(v => new { v.Value, v.Comment }).SingleAsync());
        Assert.Null(gap.Value);
        Assert.Equal("The patent office has not published 2025 yet.", gap.Comment);
    }

    [Fact]
    public async Task ApproveAllApprovesNothingAndNamesTheFormThatChangedMeanwhile()
    {
        using var a = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R05", await _world.FieldsAsync("submit"));
        using var b = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R06", await _world.FieldsAsync("submit"));
        var list = await _world.Reviewer.GetDocumentAsync($"/review?year={DataEntryWorld.Year}");
        using var changed = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R06", await _world.FieldsAsync("submit", new() { ["patents_granted"] = "101" }));

        using var response = await _world.ApproveAllAsListedAsync(list);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SubmissionStatus.Submitted, await _world.StatusAsync("16R05"));
        Assert.Equal(SubmissionStatus.Submitted, await _world.StatusAsync("16R06"));
        var after = await _world.Reviewer.GetDocumentAsync($"/review?year={DataEntryWorld.Year}");
        Assert.Contains("16R06", after.QuerySelector(".alert")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("16R05", after.QuerySelector(".alert")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApproveAllRefusesAPostWithAFormTwice()
    {
        using var a = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R07", await _world.FieldsAsync("submit"));
        var list = await _world.Reviewer.GetDocumentAsync($"/review?year={DataEntryWorld.Year}");
        var id = await _world.App.WithDbAsync(db => db.Submissions.Where(s => s.Base.Code == "16R07" && s.Year == DataEntryWorld.Year).Select(s => new { s.Id, s.Version }).SingleAsync());
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["year"] = DataEntryWorld.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = list.AntiforgeryToken(),
        }.Concat([new("ids", $"{id.Id}"), new("versions", $"{id.Version}"), new("ids", $"{id.Id}"), new("versions", $"{id.Version}")]));

        using var response = await _world.Reviewer.PostAsync(new Uri("/review/approve-all", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(SubmissionStatus.Submitted, await _world.StatusAsync("16R07"));
    }

    [Fact]
    public async Task TheDatabaseRefusesASecondGroupForABaseInTheSameYear()
    {
        var baseId = await _world.BaseIdAsync("16R09");
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => _world.App.WithDbAsync(async db =>
        {
            var third = new Domain.Groups.ExpertGroup { Name = "Racing group", Year = DataEntryWorld.Year };
            third.Bases.Add(new Domain.Groups.ExpertGroupBase { BaseId = baseId });
            db.ExpertGroups.Add(third);
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("UNIQUE", error.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABasePageIsOpenToTheEvaluatorsOfItsGroupAndNotToOthers()
    {
        using var own = await _world.Evaluator.GetAsync(new Uri("/bases/16R08", UriKind.Relative));
        using var other = await _world.Outsider.GetAsync(new Uri("/bases/16R08", UriKind.Relative));
        using var outsidersOwn = await _world.Outsider.GetAsync(new Uri("/bases/16R10", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, outsidersOwn.StatusCode);
    }
}
