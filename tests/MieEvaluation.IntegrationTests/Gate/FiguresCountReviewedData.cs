using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.IntegrationTests.DataEntry;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Gate;

/// <summary>National figures count approved forms by default, approved and submitted ones in the provisional scope, drafts never.</summary>
public sealed class FiguresCountReviewedData : IClassFixture<DataEntryWorld>
{
    private readonly DataEntryWorld _world;

    public FiguresCountReviewedData(DataEntryWorld world) => _world = world;

    [Fact]
    public async Task ADraftNeverMovesTheMeanAndASubmittedFormCountsOnlyInTheProvisionalScope()
    {
        using var submitted = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R01", await _world.FieldsAsync("submit", new() { ["patents_granted"] = "104" }));
        using var draft = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R02", await _world.FieldsAsync("save", new() { ["patents_granted"] = "5000" }));
        Assert.Equal(SubmissionStatus.Submitted, await _world.StatusAsync("16R01"));
        Assert.Equal(SubmissionStatus.Draft, await _world.StatusAsync("16R02"));
        var byStatus = await _world.App.WithDbAsync(db => db.IndicatorValues
            .Where(v => v.Indicator.Code == "patents_granted" && v.Submission.Year == DataEntryWorld.Year)
            .Select(v => new { v.Submission.Status, Value = v.Value!.Value }).ToListAsync());
        var approved = byStatus.Where(v => v.Status == SubmissionStatus.Approved).Select(v => v.Value).ToList();
        var provisional = byStatus.Where(v => v.Status is SubmissionStatus.Approved or SubmissionStatus.Submitted).Select(v => v.Value).ToList();
        var official = await _world.App.SignedInClientAsync(Roles.Official);
        var year = DataEntryWorld.Year.ToString(CultureInfo.InvariantCulture);

        var shown = await official.GetDocumentAsync($"/dashboard?from={year}&to={year}", "en");
        var shownProvisional = await official.GetDocumentAsync($"/dashboard?from={year}&to={year}&status=provisional", "en");

        foreach (var (page, counted, scope) in new[] { (shown, approved, "approved"), (shownProvisional, provisional, "provisional") })
        {
            var cell = page.QuerySelector($"#national-table tr[data-indicator='patents_granted'] td[data-year='{year}']")!;
            Assert.Equal(counted.Count.ToString(CultureInfo.InvariantCulture), cell.GetAttribute("data-n"));
            Assert.Equal(Math.Round(counted.Sum() / counted.Count, 0, MidpointRounding.AwayFromZero).ToString("N0", CultureInfo.GetCultureInfo("en")),
                cell.ChildNodes[0].TextContent.Trim());
            Assert.Equal(scope, page.QuerySelector("[data-scope]")!.GetAttribute("data-scope"));
        }

        Assert.Equal(8, approved.Count);
        Assert.Equal(9, provisional.Count);
    }

    [Fact]
    public async Task TheGrowthFileSaysItsScopeInItsNameAndItsRows()
    {
        var analyst = await _world.App.SignedInClientAsync(Roles.Analyst);

        using var response = await analyst.GetAsync(new Uri("/export/growth.csv?status=provisional", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Contains("provisional", response.Content.Headers.ContentDisposition!.FileName, StringComparison.Ordinal);
        var lines = text.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",scope", lines[0].TrimEnd('\r'), StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.EndsWith(",provisional", l.TrimEnd('\r'), StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefusesAnUnknownScopeWithItsReason()
    {
        var analyst = await _world.App.SignedInClientAsync(Roles.Analyst);

        using var response = await analyst.GetAsync(new Uri("/export/growth.csv?status=everything", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("everything", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
