using System.Net;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.DataEntry;

public sealed class YearlyFormSave : IClassFixture<DataEntryWorld>
{
    private readonly DataEntryWorld _world;

    public YearlyFormSave(DataEntryWorld world) => _world = world;

    [Fact]
    public async Task SavesADraftWithAuditRowsForEveryValueAndTheStatus()
    {
        var fields = await _world.FieldsAsync("save", new() { ["patents_granted"] = "120" });

        using var response = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R01", fields);
        var page = await _world.Evaluator.GetDocumentAsync(DataEntryWorld.FormUrl("16R01"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SubmissionStatus.Draft, await _world.StatusAsync("16R01"));
        Assert.Equal(120m, await _world.StoredAsync("16R01", "patents_granted"));
        var baseId = await _world.BaseIdAsync("16R01");
        var audit = await _world.App.WithDbAsync(db => db.AuditEntries.Where(a => a.BaseId == baseId && a.Year == DataEntryWorld.Year).ToListAsync());
        Assert.Equal(12, audit.Count(a => a.IndicatorId != null && a.OldValue == null && a.NewValue != null));
        Assert.Single(audit, a => a.OldStatus == null && a.NewStatus == SubmissionStatus.Draft);
        Assert.All(audit, a => Assert.Equal(ChangeSource.Form, a.Source));
        Assert.Equal(13, page.QuerySelectorAll("#audit tbody tr").Length);
        Assert.Equal("100", page.QuerySelector("tr[data-indicator=patents_granted] [data-last-year]")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("11,740", "is not a number")]
    [InlineData("1.2e3", "is not a number")]
    [InlineData("NaN", "is not a number")]
    [InlineData("Infinity", "is not a number")]
    [InlineData("一百", "is not a number")]
    [InlineData("-5", "cannot be negative")]
    [InlineData("12.5", "at most 0 decimal places")]
    [InlineData("99999999999999", "implausibly large")]
    public async Task RefusesWithAMessageAndWritesNothingGivenABadNumber(string typed, string message)
    {
        var fields = await _world.FieldsAsync("save", new() { ["patents_granted"] = typed });

        using var response = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R02", fields);
        var html = DataEntryWorld.Text(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{typed}\"", html, StringComparison.Ordinal); // shown back as typed
        Assert.Null(await _world.StatusAsync("16R02"));
    }

    [Fact]
    public async Task AcceptsDecimalsUpToTheIndicatorsScale()
    {
        var fields = await _world.FieldsAsync("save", new() { ["new_urban_jobs_10k"] = "91.65" });

        using var response = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R03", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(91.65m, await _world.StoredAsync("16R03", "new_urban_jobs_10k"));
    }

    [Fact]
    public async Task AnswersNotFoundGivenAnUnknownBase()
    {
        using var response = await _world.Evaluator.GetAsync(new Uri("/entry/NOPE/2020", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/entry/16R01/2015", "forms exist from its batch year 2016")]
    [InlineData("/entry/16R01/2999", "forms exist from its batch year 2016")]
    public async Task ExplainsWhyGivenAYearWithoutAForm(string url, string message)
    {
        var before = await _world.App.WithDbAsync(db => db.Submissions.CountAsync());
        using var view = await _world.Evaluator.GetAsync(new Uri(url, UriKind.Relative));
        using var save = await _world.Evaluator.PostFormAsync("/account/login", url, await _world.FieldsAsync("save"));

        Assert.Equal(HttpStatusCode.BadRequest, view.StatusCode);
        Assert.Contains(message, DataEntryWorld.Text(view), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, save.StatusCode);
        Assert.Equal(before, await _world.App.WithDbAsync(db => db.Submissions.CountAsync()));
    }

    [Fact]
    public async Task ExplainsWhyGivenAnInactiveBase()
    {
        await _world.App.WithDbAsync(async db =>
        {
            (await db.Bases.SingleAsync(b => b.Code == "16C07")).IsActive = false;
            return await db.SaveChangesAsync();
        });

        using var response = await _world.Reviewer.GetAsync(new Uri("/entry/16C07/2020", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no longer active", DataEntryWorld.Text(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForbidsAnEvaluatorOfAnotherGroupAndWritesNothing()
    {
        var fields = await _world.FieldsAsync("save");

        using var view = await _world.Outsider.GetAsync(new Uri(DataEntryWorld.FormUrl("16R04"), UriKind.Relative));
        var outsiderPage = await _world.Outsider.GetDocumentAsync("/account/login");
        using var save = await DataEntryWorld.PostWithPageAsync(_world.Outsider, outsiderPage, "16R04", fields);

        Assert.Equal(HttpStatusCode.Forbidden, view.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Null(await _world.StatusAsync("16R04"));
    }

    [Fact]
    public async Task ShowsTheConflictAndKeepsTheFirstSaveGivenTwoEditorsOfTheSameVersion()
    {
        var firstPage = await _world.Evaluator.GetDocumentAsync(DataEntryWorld.FormUrl("16R05"));
        var secondPage = await _world.SecondEvaluator.GetDocumentAsync(DataEntryWorld.FormUrl("16R05"));

        using var first = await DataEntryWorld.PostWithPageAsync(_world.Evaluator, firstPage, "16R05",
            await _world.FieldsAsync("save", new() { ["patents_granted"] = "111" }));
        using var second = await DataEntryWorld.PostWithPageAsync(_world.SecondEvaluator, secondPage, "16R05",
            await _world.FieldsAsync("save", new() { ["patents_granted"] = "222" }));
        var conflict = await Html.ParseAsync(DataEntryWorld.Text(second));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.NotNull(conflict.QuerySelector("[data-conflict]"));
        var row = conflict.QuerySelector("#conflict tr[data-indicator=patents_granted]")!;
        Assert.Equal("111", row.QuerySelector("[data-stored]")!.TextContent.Trim());
        Assert.Equal("222", row.QuerySelector("[data-yours]")!.TextContent.Trim());
        Assert.Equal(111m, await _world.StoredAsync("16R05", "patents_granted"));
        var baseId = await _world.BaseIdAsync("16R05");
        Assert.Equal(1, await _world.App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.BaseId == baseId && a.NewValue == 111m)));
        Assert.Equal(0, await _world.App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.BaseId == baseId && a.NewValue == 222m)));
    }

    [Fact]
    public async Task RecordsOnlyChangedValuesGivenASecondSave()
    {
        using var first = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R06", await _world.FieldsAsync("save"));
        using var second = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R06",
            await _world.FieldsAsync("save", new() { ["people_trained"] = "" }, new() { ["people_trained"] = "Not yet counted" }));

        var baseId = await _world.BaseIdAsync("16R06");
        var entries = await _world.App.WithDbAsync(db => db.AuditEntries
            .Where(a => a.BaseId == baseId && a.Year == DataEntryWorld.Year && a.IndicatorId != null && a.OldValue != null).ToListAsync());
        var removed = Assert.Single(entries);
        Assert.Equal((100m, (decimal?)null, "Not yet counted"), (removed.OldValue!.Value, removed.NewValue, removed.Comment));
        Assert.Null(await _world.StoredAsync("16R06", "people_trained"));
    }

    [Fact]
    public async Task RefusesToUpdateOrDeleteAuditEntries()
    {
        using var saved = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R07", await _world.FieldsAsync("save"));

        var baseId = await _world.BaseIdAsync("16R07");
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => _world.App.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.FirstAsync(a => a.BaseId == baseId);
            entry.Comment = "rewritten";
            return await db.SaveChangesAsync();
        }));

        Assert.Contains("never updated or deleted", ex.Message, StringComparison.Ordinal);
    }
}
