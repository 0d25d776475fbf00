using System.Net;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Groups;
using MieEvaluation.Domain.Issues;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Dashboard;

public sealed class IssueSummaries : IAsyncLifetime
{
    private readonly MieAppFactory _app = new();
    private (string Email, string Password, string Id) _evaluator;

    public async Task InitializeAsync()
    {
        _ = _app.CreateClient();
        _evaluator = await _app.CreateUserAsync(Roles.Evaluator);
        await _app.WithDbAsync(async db =>
        {
            var bases = await db.Bases.ToDictionaryAsync(b => b.Code, b => b.Id);
            var categories = await db.IssueCategories.ToDictionaryAsync(c => c.Code, c => c.Id);
            void Issue(string code, int year, string category, string text) => db.IssueReports.Add(new IssueReport
            {
                BaseId = bases[code], Year = year, CategoryId = categories[category], Text = text, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            });
            Issue("16R01", 2017, "east_west_channels", "Few exchanges with western bases");    // east
            Issue("16R01", 2018, "east_west_channels", "Still few exchanges");                 // east, recurring
            Issue("16R07", 2018, "corporate_credit", "=HYPERLINK(\"http://evil.example\",\"x\")"); // see region below
            Issue("17U01", 2018, "east_west_channels", "No partner in the east");
            var group = new ExpertGroup { Name = "G", Year = 2018 };
            group.Members.Add(new ExpertGroupMember { UserId = _evaluator.Id, Organisation = "S", Expertise = ExpertiseKind.Professional });
            group.Bases.Add(new ExpertGroupBase { BaseId = bases["16R01"] });
            db.ExpertGroups.Add(group);
            return await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task CountsByCategoryRegionAndYearAndFindsRecurringIssues()
    {
        var expected = await _app.WithDbAsync(db => db.IssueReports
            .Where(r => r.Category.Code == "east_west_channels" && r.Base.Province.Region == MieEvaluation.Domain.Registry.Region.East).CountAsync());
        var official = await _app.SignedInClientAsync(Roles.Official);

        var page = await official.GetDocumentAsync("/issues/summary", "en");

        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture),
            page.QuerySelector("#issues-by-region tr[data-category='east_west_channels'] td[data-region='east']")!.TextContent);
        Assert.Equal("2", page.QuerySelector("#issues-by-year tr[data-category='east_west_channels'] td[data-year='2018']")!.TextContent);
        Assert.Contains("2017, 2018", page.QuerySelector("#recurring li[data-code='16R01']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, page.QuerySelectorAll("#issue-texts tbody tr").Length);
        Assert.NotNull(page.QuerySelector("script#issues-data[type='application/json']"));
    }

    [Theory]
    [InlineData("year=2017", 1)]
    [InlineData("status=open", 4)]
    [InlineData("status=addressed", 0)]
    public async Task FiltersTheTexts(string filter, int count)
    {
        var official = await _app.SignedInClientAsync(Roles.Official);

        var page = await official.GetDocumentAsync($"/issues/summary?{filter}", "en");

        Assert.Equal(count, page.QuerySelectorAll("#issue-texts tbody tr").Length);
    }

    [Theory]
    [InlineData("year=1999", "\"1999\" is not a year")]
    [InlineData("status=solved", "\"solved\" is not a status")]
    [InlineData("region=mars", "Unknown region")]
    public async Task ExplainsABadFilter(string filter, string message)
    {
        var official = await _app.SignedInClientAsync(Roles.Official);
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);

        var page = await official.GetDocumentAsync($"/issues/summary?{filter}", "en");
        using var export = await analyst.GetAsync(new Uri($"/export/issues.csv?{filter}", UriKind.Relative));

        Assert.Contains(message, WebUtility.HtmlDecode(page.QuerySelector("[data-ignored-filters]")!.TextContent), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
    }

    [Fact]
    public async Task NeutralisesAFormulaInAnExportedIssueText()
    {
        var analyst = await _app.SignedInClientAsync(Roles.Analyst);

        var text = await analyst.GetStringAsync(new Uri("/export/issues.csv", UriKind.Relative));

        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LetsTheGroupsEvaluatorMarkAnIssueAddressedButNobodyElse()
    {
        var id = await _app.WithDbAsync(db => db.IssueReports.Where(r => r.Base.Code == "16R01" && r.Year == 2018).Select(r => r.Id).SingleAsync());
        var other = await _app.SignedInClientAsync(Roles.Evaluator);
        var evaluator = await _app.SignInAsync(_evaluator.Email, _evaluator.Password);

        using var refused = await other.PostFormAsync("/account/login", $"/issues/{id}/status", [new("status", "addressed")]);
        using var accepted = await evaluator.PostFormAsync("/account/login", $"/issues/{id}/status", [new("status", "addressed")]);
        using var bad = await evaluator.PostFormAsync("/account/login", $"/issues/{id}/status", [new("status", "solved")]);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(IssueStatus.Addressed, await _app.WithDbAsync(db => db.IssueReports.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task LetsTheAdministratorAddAndRenameCategoriesWithValidation()
    {
        var admin = await _app.SignInAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword, "en");

        using var added = await admin.PostFormAsync("/admin/categories", "/admin/categories",
            [new("Code", "talent_flow"), new("NameZh", "人才流动"), new("NameEn", "Talent flow"), new("DisplayOrder", "8"), new("IsActive", "true")]);
        using var duplicate = await admin.PostFormAsync("/admin/categories", "/admin/categories",
            [new("Code", "talent_flow"), new("NameZh", "重复"), new("NameEn", "Again"), new("DisplayOrder", "9")]);
        using var badCode = await admin.PostFormAsync("/admin/categories", "/admin/categories",
            [new("Code", "Bad Code!"), new("NameZh", "甲"), new("NameEn", "A"), new("DisplayOrder", "9")]);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("is already used", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("is not a code", WebUtility.HtmlDecode(await badCode.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("人才流动", await _app.WithDbAsync(db => db.IssueCategories.Where(c => c.Code == "talent_flow").Select(c => c.NameZh).SingleAsync()));
    }
}
