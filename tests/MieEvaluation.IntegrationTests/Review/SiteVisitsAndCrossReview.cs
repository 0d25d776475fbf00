using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Issues;
using MieEvaluation.IntegrationTests.Api;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Review;

/// <summary>
/// The site visits, recorded by the group's leader only, within the stage, with the group's members and the base's own
/// issues; and the cross review: the administrator's sample (never the base's own group, never a group in conflict),
/// the second group's scores in the cross-review stage, and both groups' means side by side with the differences above
/// the round's threshold flagged.
/// </summary>
public sealed class SiteVisitsAndCrossReview
{
    private const string Visits = "/evaluation/rounds/2025/visits/16R01";
    private static readonly string[] FirstGroupBases = ["16R01", "16R02", "16R03"];

    [Fact]
    public async Task TheLeaderRecordsAVisitWithItsMembersIssuesAndEvidence()
    {
        await using var world = await ProcedureWorld.CreateAsync();
        var (ownIssue, otherIssue) = await world.App.WithDbAsync(async db =>
        {
            var category = await db.IssueCategories.Select(c => c.Id).FirstAsync();
            var own = new IssueReport { BaseId = world.BaseIds["16R01"], Year = 2025, CategoryId = category, Text = "孵化场地利用率偏低" };
            var other = new IssueReport { BaseId = world.BaseIds["16R02"], Year = 2025, CategoryId = category, Text = "别的基地的问题" };
            db.IssueReports.AddRange(own, other);
            await db.SaveChangesAsync();
            return (own.Id, other.Id);
        });
        world.Clock.Now = ProcedureWorld.InSiteVisits;
        var leader = await world.ExpertAsync(0);
        var member = await world.ExpertAsync(1);
        List<KeyValuePair<string, string>> Visit(string day, int issue, params int[] members) =>
            [new("VisitedOn", day), new("Findings", "场地已全部投入使用。"), new("IssueIds", $"{issue}"), .. members.Select(m => new KeyValuePair<string, string>("MemberIds", world.Experts[m].Id))];

        using var byMember = await member.PostFormAsync(Visits, Visits, Visit("2026-03-05", ownIssue, 0, 1));
        using var beforeStage = await leader.PostFormAsync(Visits, Visits, Visit("2026-02-20", ownIssue, 0, 1));
        using var future = await leader.PostFormAsync(Visits, Visits, Visit("2026-03-20", ownIssue, 0, 1));
        using var outsider = await leader.PostFormAsync(Visits, Visits, Visit("2026-03-05", ownIssue, 0, 3));
        using var foreignIssue = await leader.PostFormAsync(Visits, Visits, Visit("2026-03-05", otherIssue, 0, 1));
        var refusedPage = await Html.ParseAsync(await foreignIssue.Content.ReadAsStringAsync());
        var refused = await world.App.WithDbAsync(db => db.SiteVisits.CountAsync());
        using var recorded = await leader.PostFormAsync(Visits, Visits, Visit("2026-03-05", ownIssue, 0, 1));
        var visitId = await world.App.WithDbAsync(db => db.SiteVisits.Select(v => v.Id).SingleAsync());
        using var photo = await ProcedureWorld.UploadAsync(leader, Visits, $"{Visits}/{visitId}/evidence", "现场.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3], "image/jpeg");
        using var script = await ProcedureWorld.UploadAsync(leader, Visits, $"{Visits}/{visitId}/evidence", "现场.jpg", "MZ\u0090\u0000"u8.ToArray(), "image/jpeg");
        var page = await member.GetDocumentAsync(Visits);
        var contact = await world.ContactAsync();
        using var contactReads = await contact.GetAsync(new Uri(Visits, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.All(new[] { beforeStage, future, outsider, foreignIssue }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Contains("An issue chosen is not one of this base's in the register.", refusedPage.QuerySelector("[data-form-errors]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The date of the visit is a day from 2026-03-01 to 2026-03-10.", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, refused);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, photo.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, script.StatusCode);
        var visit = page.QuerySelector($"[data-visit='{visitId}']")!;
        Assert.Contains("2026-03-05 · 一组", visit.TextContent, StringComparison.Ordinal);
        Assert.Equal("场地已全部投入使用。", visit.QuerySelector("[data-findings]")!.TextContent);
        Assert.Contains("孵化场地利用率偏低", visit.QuerySelector($"[data-issue='{ownIssue}']")!.TextContent, StringComparison.Ordinal);
        Assert.Single(visit.QuerySelectorAll("[data-evidence]"));
        Assert.Equal(HttpStatusCode.OK, contactReads.StatusCode);
    }

    [Fact]
    public async Task ASecondGroupReScoresTheSampleAndDifferencesAboveTheThresholdAreFlagged()
    {
        await using var world = await ProcedureWorld.CreateAsync(round => round.CrossReviewThreshold = 10m);
        var admin = await world.App.SignedInClientAsync(Roles.Administrator);
        const string Sample = "/evaluation/rounds/2025/cross-review";
        using var ownGroup = await admin.PostFormAsync(Sample, Sample, [new("baseId", $"{world.BaseIds["16R01"]}"), new("groupId", $"{world.FirstGroupId}")]);
        using var first = await admin.PostFormAsync(Sample, Sample, [new("baseId", $"{world.BaseIds["16R01"]}"), new("groupId", $"{world.SecondGroupId}")]);
        using var second = await admin.PostFormAsync(Sample, Sample, [new("baseId", $"{world.BaseIds["16R02"]}"), new("groupId", $"{world.SecondGroupId}")]);

        world.Clock.Now = ProcedureWorld.InExpertReview;
        foreach (var (expert, r01, r02) in new[] { (0, "80", "60"), (1, "70", "62"), (2, "90", "58") })
        {
            var client = await world.ExpertAsync(expert);
            using var a = await ProcedureWorld.ScoreAsync(client, "expert", "16R01", submit: true, [("plan", r01, ""), ("team", "40", "")]);
            using var b = await ProcedureWorld.ScoreAsync(client, "expert", "16R02", submit: true, [("plan", r02, ""), ("team", "40", "")]);
            Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (a.StatusCode, b.StatusCode));
        }

        var crossExpert = await world.ExpertAsync(3);
        using var tooEarly = await ProcedureWorld.ScoreAsync(crossExpert, "cross", "16R01", submit: true, [("plan", "50", ""), ("team", "40", "")]);
        world.Clock.Now = ProcedureWorld.InCrossReview;
        foreach (var (expert, r01, r02) in new[] { (3, "60", "65"), (4, "62", "59") })
        {
            var client = await world.ExpertAsync(expert);
            using var a = await ProcedureWorld.ScoreAsync(client, "cross", "16R01", submit: true, [("plan", r01, ""), ("team", "40", "")]);
            using var b = await ProcedureWorld.ScoreAsync(client, "cross", "16R02", submit: true, [("plan", r02, ""), ("team", "40", "")]);
            Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (a.StatusCode, b.StatusCode));
        }

        var ownExpertOnCross = await world.ExpertAsync(0);
        using var notTheirs = await ownExpertOnCross.GetAsync(new Uri("/evaluation/rounds/2025/scoring/cross/16R01", UriKind.Relative));
        var (api, _, _) = await world.App.TokenClientAsync(Roles.Administrator);
        using var open = JsonDocument.Parse(await api.GetStringAsync(new Uri("/api/v1/evaluation/rounds/2025/expert-results", UriKind.Relative)));
        world.Clock.Now = ProcedureWorld.AfterTheRound;
        using var closed = JsonDocument.Parse(await api.GetStringAsync(new Uri("/api/v1/evaluation/rounds/2025/expert-results", UriKind.Relative)));
        var rows = closed.RootElement.GetProperty("cross_review").GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("criterion").GetString() == "plan").ToDictionary(r => r.GetProperty("base_code").GetString()!);
        var official = await world.App.SignedInClientAsync(Roles.Official);
        var page = await official.GetDocumentAsync("/evaluation/rounds/2025/results");

        Assert.Equal(HttpStatusCode.BadRequest, ownGroup.StatusCode);
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.False(open.RootElement.GetProperty("cross_review").GetProperty("closed").GetBoolean());
        // 16R01: own (80 + 70 + 90) / 3 = 80, cross (60 + 62) / 2 = 61: 19 apart, above 10. 16R02: own 60, cross 62: 2 apart.
        Assert.Equal((80m, 61m, -19m, true), (rows["16R01"].GetProperty("own").GetDecimal(), rows["16R01"].GetProperty("cross").GetDecimal(),
            rows["16R01"].GetProperty("difference").GetDecimal(), rows["16R01"].GetProperty("flagged").GetBoolean()));
        Assert.Equal(("一组", "二组"), (rows["16R01"].GetProperty("own_group").GetString(), rows["16R01"].GetProperty("cross_group").GetString()));
        Assert.Equal((60m, 62m, false), (rows["16R02"].GetProperty("own").GetDecimal(), rows["16R02"].GetProperty("cross").GetDecimal(), rows["16R02"].GetProperty("flagged").GetBoolean()));
        Assert.Equal("true", page.QuerySelector("#cross-results tr[data-base='16R01'][data-criterion=plan]")!.GetAttribute("data-flagged"));
        Assert.Equal("false", page.QuerySelector("#cross-results tr[data-base='16R02'][data-criterion=plan]")!.GetAttribute("data-flagged"));
    }

    [Fact]
    public async Task ALeaderSeesTheirGroupsResultsAndTheExpertsFlaggedNeverDropped()
    {
        await using var world = await ProcedureWorld.CreateAsync();
        world.Clock.Now = ProcedureWorld.InExpertReview;
        // Experts 0 and 1 order the three bases alike; expert 2 orders them the other way round.
        foreach (var (expert, scores) in new[] { (0, new[] { "90", "70", "50" }), (1, new[] { "85", "70", "55" }), (2, new[] { "50", "70", "90" }) })
        {
            var client = await world.ExpertAsync(expert);
            foreach (var (code, score) in FirstGroupBases.Zip(scores))
            {
                using var sent = await ProcedureWorld.ScoreAsync(client, "expert", code, submit: true, [("plan", score, ""), ("team", "40", "")]);
                Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            }
        }

        world.Clock.Now = ProcedureWorld.InSiteVisits;
        var leader = await world.ExpertAsync(0);
        var page = await leader.GetDocumentAsync("/evaluation/rounds/2025/results");
        var notLeader = await world.ExpertAsync(1);
        using var forbidden = await notLeader.GetAsync(new Uri("/evaluation/rounds/2025/results", UriKind.Relative));

        var flag = page.QuerySelector($"#flagged [data-expert='{world.Experts[2].Email}']")!;
        Assert.Equal("opposite_order", flag.GetAttribute("data-reason"));
        // Kept in the mean: 16R01's is (90 + 85 + 50) / 3 = 75.
        Assert.Equal("75.00", page.QuerySelector("#expert-results tr[data-base='16R01'][data-criterion=plan] [data-used]")!.TextContent);
        // Kendall's W by hand: ranks 1,2,3 / 1,2,3 / 3,2,1 → sums 5, 6, 7; S = 2; W = 12·2 / (9·(27 − 3)) = 1/9.
        Assert.Equal("0.111", page.QuerySelector("#agreement tr[data-group='一组'][data-criterion=plan] [data-w]")!.TextContent);
        Assert.Null(page.QuerySelector("#expert-results tr[data-base='16R04']"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
