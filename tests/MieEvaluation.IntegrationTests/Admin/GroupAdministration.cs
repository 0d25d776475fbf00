using System.Net;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Admin;

public sealed class GroupAdministration : IClassFixture<MieAppFactory>
{
    private readonly MieAppFactory _app;

    public GroupAdministration(MieAppFactory app) => _app = app;

    private async Task<HttpClient> AdminAsync() => await _app.SignInAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword, "en");

    private static string Id(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task BuildsABalancedGroupWithMembersAndBases()
    {
        var admin = await AdminAsync();
        var professional = await _app.CreateUserAsync(Roles.Evaluator);
        var operational = await _app.CreateUserAsync(Roles.Evaluator);

        using var created = await admin.PostFormAsync("/groups", "/groups", new Dictionary<string, string> { ["Year"] = "2021", ["Name"] = "North-east team" });
        var detailUrl = created.Headers.Location!.OriginalString;
        using var first = await admin.PostFormAsync(detailUrl, $"{detailUrl}/members", new Dictionary<string, string>
        {
            ["UserId"] = professional.Id, ["Organisation"] = "Liaoning association", ["OrganisationKind"] = "LocalAssociation", ["Expertise"] = "Professional",
        });
        var halfway = await admin.GetDocumentAsync(detailUrl);
        using var second = await admin.PostFormAsync(detailUrl, $"{detailUrl}/members", new Dictionary<string, string>
        {
            ["UserId"] = operational.Id, ["Organisation"] = "China Association for Science and Technology", ["OrganisationKind"] = "NationalSociety", ["Expertise"] = "Operational",
        });
        var baseIds = await _app.WithDbAsync(db => db.Bases.Where(b => b.Code == "16R03" || b.Code == "17R01").Select(b => b.Id).ToListAsync());
        using var assigned = await admin.PostFormAsync(detailUrl, $"{detailUrl}/bases", baseIds.Select(id => new KeyValuePair<string, string>("baseIds", Id(id))));
        var done = await admin.GetDocumentAsync(detailUrl);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Operational", halfway.QuerySelector("[data-missing-expertise]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(done.QuerySelector("[data-missing-expertise]"));
        Assert.Equal(2, done.QuerySelectorAll("#members tbody tr").Length);
        Assert.Equal(2, done.QuerySelectorAll("#group-bases li").Length);
    }

    [Theory]
    [InlineData("1999", "Good name", "The year 1999 is not between 2016 and")]
    [InlineData("abc", "Good name", "The year 0 is not between 2016 and")]
    [InlineData("2021", "", "Enter the group's name.")]
    public async Task RefusesWithAMessageAndCreatesNothingGivenBadGroupInput(string year, string name, string message)
    {
        var admin = await AdminAsync();
        var before = await _app.WithDbAsync(db => db.ExpertGroups.CountAsync());

        using var response = await admin.PostFormAsync("/groups", "/groups", new Dictionary<string, string> { ["Year"] = year, ["Name"] = name });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await _app.WithDbAsync(db => db.ExpertGroups.CountAsync()));
    }

    [Fact]
    public async Task RefusesADuplicateNameInTheSameYear()
    {
        var admin = await AdminAsync();
        using var first = await admin.PostFormAsync("/groups", "/groups", new Dictionary<string, string> { ["Year"] = "2022", ["Name"] = "Twin" });

        using var second = await admin.PostFormAsync("/groups", "/groups", new Dictionary<string, string> { ["Year"] = "2022", ["Name"] = "Twin" });

        Assert.Contains("already exists in 2022", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await _app.WithDbAsync(db => db.ExpertGroups.CountAsync(g => g.Name == "Twin")));
    }

    [Fact]
    public async Task RefusesNonEvaluatorsAndBasesAlreadyTakenOrNotYetDesignated()
    {
        var admin = await AdminAsync();
        var official = await _app.CreateUserAsync(Roles.Official);
        using var a = await admin.PostFormAsync("/groups", "/groups", new Dictionary<string, string> { ["Year"] = "2016", ["Name"] = "A" });
        using var b = await admin.PostFormAsync("/groups", "/groups", new Dictionary<string, string> { ["Year"] = "2016", ["Name"] = "B" });
        var urlA = a.Headers.Location!.OriginalString;
        var urlB = b.Headers.Location!.OriginalString;
        var haidian = await _app.WithDbAsync(db => db.Bases.Where(x => x.Code == "16R01").Select(x => x.Id).SingleAsync());
        var batch2017 = await _app.WithDbAsync(db => db.Bases.Where(x => x.Code == "17R01").Select(x => x.Id).SingleAsync());

        using var member = await admin.PostFormAsync(urlA, $"{urlA}/members", new Dictionary<string, string>
        {
            ["UserId"] = official.Id, ["Organisation"] = "X", ["OrganisationKind"] = "Other", ["Expertise"] = "Professional",
        });
        using var toA = await admin.PostFormAsync(urlA, $"{urlA}/bases", [new("baseIds", Id(haidian))]);
        using var toB = await admin.PostFormAsync(urlB, $"{urlB}/bases", [new("baseIds", Id(haidian)), new("baseIds", Id(batch2017))]);

        Assert.Contains("not an evaluator", await member.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var assignments = await _app.WithDbAsync(db => db.ExpertGroupBases.Where(x => x.Group.Year == 2016 && (x.Group.Name == "A" || x.Group.Name == "B"))
            .Select(x => x.Group.Name + ":" + x.Base.Code).ToListAsync());
        Assert.Equal(["A:16R01"], assignments);
        Assert.Contains("2 bases were not assigned", (await admin.GetDocumentAsync(urlB)).Body!.TextContent, StringComparison.Ordinal);
    }
}
