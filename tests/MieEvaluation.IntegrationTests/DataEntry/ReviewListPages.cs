using Microsoft.EntityFrameworkCore;
using MieEvaluation.Web.Services.Forms;
using Microsoft.Extensions.DependencyInjection;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.IntegrationTests.Figures;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.DataEntry;

namespace MieEvaluation.IntegrationTests.DataEntry;

/// <summary>
/// The reviewer's list comes in pages of 100 forms, each with the same open-warning count as the form itself shows,
/// and any page number in the URL leads to a real page.
/// </summary>
public sealed class ReviewListPages : IAsyncLifetime
{
    private const int Year = 2018;
    private readonly MieAppFactory _app = new();
    private HttpClient _reviewer = null!;

    public async Task InitializeAsync()
    {
        _ = _app.CreateClient();
        await _app.WithDbAsync(db => SeedPanel.BuildAsync(db)); // 120 bases with 2018 forms
        await _app.WithDbAsync(db => db.Submissions.Where(s => s.Year == Year)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SubmissionStatus.Submitted)));
        _reviewer = await _app.SignedInClientAsync(Roles.Reviewer);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(List<string> Codes, string? Page)> PageAsync(string query)
    {
        var page = await _reviewer.GetDocumentAsync($"/review?year={Year}{query}", "en");
        return (page.QuerySelectorAll("#submitted tr[data-code]").Select(r => r.GetAttribute("data-code")!).ToList(),
            page.QuerySelector("[data-page]")?.GetAttribute("data-page"));
    }

    [Fact]
    public async Task ListsAHundredFormsAPageInCodeOrder()
    {
        var (first, firstPage) = await PageAsync("");
        var (second, secondPage) = await PageAsync("&page=2");

        Assert.Equal((100, "1"), (first.Count, firstPage));
        Assert.Equal((20, "2"), (second.Count, secondPage));
        var all = first.Concat(second).ToList();
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
        Assert.Equal(120, all.Distinct().Count());
    }

    [Theory]
    [InlineData("&page=0", "1")]
    [InlineData("&page=-3", "1")]
    [InlineData("&page=abc", "1")]
    [InlineData("&page=99999999999", "1")]
    [InlineData("&page=99", "2")]
    public async Task ShowsARealPageForAnyPageNumber(string query, string expected)
    {
        var (codes, page) = await PageAsync(query);

        Assert.Equal(expected, page);
        Assert.NotEmpty(codes);
    }

    [Fact]
    public async Task CountsTheSameOpenWarningsAsEachFormsOwnCheck()
    {
        var page = await _reviewer.GetDocumentAsync($"/review?year={Year}", "en");
        var listed = page.QuerySelectorAll("#submitted tr[data-code]")
            .ToDictionary(r => r.GetAttribute("data-code")!, r => int.Parse(r.QuerySelector("[data-open-warnings]")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture));

        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Web.Data.MieDbContext>();
        var warnings = scope.ServiceProvider.GetRequiredService<FormWarnings>();
        var forms = await db.Submissions.AsNoTracking().Include(s => s.Base).Include(s => s.Values)
            .Where(s => s.Year == Year && listed.Keys.Contains(s.Base.Code)).ToListAsync();
        var expected = new Dictionary<string, int>();
        foreach (var form in forms)
        {
            var context = await warnings.ContextAsync(form.Base, Year); // the single form's own check, as its page runs it
            expected[form.Base.Code] = form.Values.Sum(v => warnings.For(context, v.IndicatorId, v.Value).Count);
        }

        Assert.Equal(expected.OrderBy(e => e.Key), listed.OrderBy(e => e.Key));
        Assert.Contains(listed.Values, n => n > 0); // the comparison means something only if some form has warnings
    }
}
