using System.Net;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.DataEntry;

/// <summary>Warnings allow saving but block submitting until explained; a world of their own keeps the peers' spread fixed.</summary>
public sealed class YearlyFormWarnings : IClassFixture<DataEntryWorld>
{
    private readonly DataEntryWorld _world;

    public YearlyFormWarnings(DataEntryWorld world) => _world = world;

    [Theory]
    [InlineData("16R01", "400", "is 4 times last year's 100")] // jump
    [InlineData("16R02", "121", "far from the median 100")] // outlier among the 8 peers
    [InlineData("16R03", "", "enter a value, or say in the comment why there is none")] // missing
    public async Task RefusesToSubmitAnUnexplainedWarningButSavesItAsADraft(string code, string typed, string message)
    {
        using var submit = await DataEntryWorld.PostFormAsync(_world.Evaluator, code, await _world.FieldsAsync("submit", new() { ["patents_granted"] = typed }));
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        Assert.Contains("Patents granted", DataEntryWorld.Text(submit), StringComparison.Ordinal);
        Assert.Null(await _world.StatusAsync(code));

        using var draft = await DataEntryWorld.PostFormAsync(_world.Evaluator, code, await _world.FieldsAsync("save", new() { ["patents_granted"] = typed }));
        var page = await _world.Evaluator.GetDocumentAsync(DataEntryWorld.FormUrl(code));

        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.Equal(SubmissionStatus.Draft, await _world.StatusAsync(code));
        if (typed.Length > 0)
        {
            Assert.Contains(message, page.QuerySelector("tr[data-indicator=patents_granted] [data-warning]")!.TextContent, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(message, DataEntryWorld.Text(submit), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SubmitsGivenEveryWarningExplainedInTheComment()
    {
        var fields = await _world.FieldsAsync("submit",
            new() { ["patents_granted"] = "400", ["people_trained"] = "" },
            new() { ["patents_granted"] = "A new patent office opened", ["people_trained"] = "Training records lost in the move" });

        using var response = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R04", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SubmissionStatus.Submitted, await _world.StatusAsync("16R04"));
        Assert.Equal(400m, await _world.StoredAsync("16R04", "patents_granted"));
    }
}
