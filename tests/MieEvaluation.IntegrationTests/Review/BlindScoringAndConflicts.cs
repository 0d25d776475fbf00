using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Groups;
using MieEvaluation.Domain.Review;
using MieEvaluation.IntegrationTests.Api;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Review;

/// <summary>
/// The experts' review in the browser: each expert sees only their own scores until the stage closes, a submission
/// needs every criterion and is final, drafts never count, bad scores are refused with nothing written; the
/// normalisation against a lenient and a harsh expert matches the worked example; and every conflict rule — own
/// organisation, own province, a declared conflict — is refused with its reason, in the groups and at the gate.
/// </summary>
public sealed class BlindScoringAndConflicts
{
    private static (string, string, string)[] Sheet(string plan, string team, string comment = "") => [("plan", plan, comment), ("team", team, "")];

    [Fact]
    public async Task NoExpertSeesAnothersScoresAndOnlySubmittedScoresCount()
    {
        await using var world = await ProcedureWorld.CreateAsync();
        world.Clock.Now = ProcedureWorld.InExpertReview;
        var first = await world.ExpertAsync(0);
        var second = await world.ExpertAsync(1, "zh-CN");
        var third = await world.ExpertAsync(2);
        var (admin, _, _) = await world.App.TokenClientAsync(Roles.Administrator);

        using var firstSubmits = await ProcedureWorld.ScoreAsync(first, "expert", "16R01", submit: true, Sheet("80", "40", "规划清晰而且可行"));
        var secondsSheet = await second.GetDocumentAsync("/evaluation/rounds/2025/scoring/expert/16R01");
        using var firstChanges = await ProcedureWorld.ScoreAsync(first, "expert", "16R01", submit: false, Sheet("10", "10"));
        using var tooHigh = await ProcedureWorld.ScoreAsync(second, "expert", "16R01", submit: true, Sheet("70", "60"));
        var tooHighPage = await Html.ParseAsync(await tooHigh.Content.ReadAsStringAsync());
        using var incomplete = await ProcedureWorld.ScoreAsync(second, "expert", "16R01", submit: true, Sheet("70", ""));
        var incompletePage = await Html.ParseAsync(await incomplete.Content.ReadAsStringAsync());
        using var unknown = await ProcedureWorld.ScoreAsync(second, "expert", "16R01", submit: false, [("plan", "70", ""), ("luck", "5", "")]);
        var refusedWrites = await world.App.WithDbAsync(db => db.ExpertScores.CountAsync(s => s.ExpertUserId == world.Experts[1].Id));
        using var secondSubmits = await ProcedureWorld.ScoreAsync(second, "expert", "16R01", submit: true, Sheet("70", "30"));
        using var thirdDrafts = await ProcedureWorld.ScoreAsync(third, "expert", "16R01", submit: false, Sheet("10", "5"));
        using var blindApi = await admin.GetAsync(new Uri("/api/v1/evaluation/rounds/2025/expert-results", UriKind.Relative));
        var official = await world.App.SignedInClientAsync(Roles.Official);
        using var blindPage = await official.GetAsync(new Uri("/evaluation/rounds/2025/results", UriKind.Relative));
        world.Clock.Now = ProcedureWorld.InSiteVisits;
        using var results = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/v1/evaluation/rounds/2025/expert-results", UriKind.Relative)));
        var plan = results.RootElement.GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("base_code").GetString() == "16R01" && r.GetProperty("criterion").GetString() == "plan");

        Assert.Equal(HttpStatusCode.Redirect, firstSubmits.StatusCode);
        // The second expert's sheet holds nothing of the first's: no score in its fields, not the comment.
        Assert.Equal("", secondsSheet.QuerySelector("#score-plan")!.GetAttribute("value") ?? "");
        Assert.DoesNotContain("规划清晰而且可行", secondsSheet.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, firstChanges.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooHigh.StatusCode);
        Assert.Contains("“60”不是 0 到 50 之间、最多两位小数的分数。", tooHighPage.QuerySelector("[data-form-errors]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("评议要点 team 尚未评分", incompletePage.QuerySelector("[data-form-errors]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(0, refusedWrites);
        Assert.Equal(HttpStatusCode.Redirect, secondSubmits.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, thirdDrafts.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, blindApi.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, blindPage.StatusCode);
        // Submitted: 80 and 70; the third expert's draft (10) does not count.
        Assert.Equal((2, 75m, 75m), (plan.GetProperty("n").GetInt32(), plan.GetProperty("mean").GetDecimal(), plan.GetProperty("used").GetDecimal()));
    }

    [Fact]
    public async Task ALenientAndAHarshExpertAreNormalisedAsInTheWorkedExample()
    {
        await using var world = await ProcedureWorld.CreateAsync(round => round.NormalisePerExpert = true);
        world.Clock.Now = ProcedureWorld.InExpertReview;
        var lenient = await world.ExpertAsync(0);
        var harsh = await world.ExpertAsync(1);
        var bases = new[] { "16R01", "16R02", "16R03" };
        for (var i = 0; i < 3; i++)
        {
            using var a = await ProcedureWorld.ScoreAsync(lenient, "expert", bases[i], submit: true, Sheet($"{90 - (10 * i)}", "40"));
            using var b = await ProcedureWorld.ScoreAsync(harsh, "expert", bases[i], submit: true, Sheet($"{70 - (10 * i)}", "40"));
            Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (a.StatusCode, b.StatusCode));
        }

        world.Clock.Now = ProcedureWorld.InSiteVisits;
        var (admin, _, _) = await world.App.TokenClientAsync(Roles.Administrator);
        using var results = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/v1/evaluation/rounds/2025/expert-results", UriKind.Relative)));
        var plan = results.RootElement.GetProperty("results").EnumerateArray().Where(r => r.GetProperty("criterion").GetString() == "plan")
            .ToDictionary(r => r.GetProperty("base_code").GetString()!);

        // By hand: the lenient expert gives 90, 80, 70 (mean 80), the harsh one 70, 60, 50 (mean 60); each has the
        // population SD √(200/3); the six scores have mean 70 and SD √(1000/6). So 16R01's scores both become
        // 70 + √(1000/6) · 10 / √(200/3) = 70 + 10·√2.5 ≈ 85.81; 16R02's 70; 16R03's 70 − 10·√2.5.
        var lift = 10 * Math.Sqrt(2.5);
        Assert.Equal(80m, plan["16R01"].GetProperty("mean").GetDecimal());
        Assert.Equal(70 + lift, (double)plan["16R01"].GetProperty("normalised").GetDecimal(), 1e-9);
        Assert.Equal(70, (double)plan["16R02"].GetProperty("normalised").GetDecimal(), 1e-9);
        Assert.Equal(70 - lift, (double)plan["16R03"].GetProperty("used").GetDecimal(), 1e-9);
        // They order the three bases alike: Kendall's W is 1; the harsh expert is 20 points (a fifth of 100) below, not more: no flag.
        var agreement = results.RootElement.GetProperty("agreement").EnumerateArray().Single(a => a.GetProperty("group").GetString() == "一组" && a.GetProperty("criterion").GetString() == "plan");
        Assert.Equal(1.0, agreement.GetProperty("kendall_w").GetDouble(), 1e-12);
        Assert.Empty(results.RootElement.GetProperty("flagged").EnumerateArray());
    }

    [Fact]
    public async Task GroupsRefuseAMemberOrABaseInConflictWithTheReason()
    {
        await using var world = await ProcedureWorld.CreateAsync(round => round.ExcludeOwnProvince = true);
        var admin = await world.App.SignedInClientAsync(Roles.Administrator);
        var newcomer = await world.App.CreateUserAsync(Roles.Evaluator);
        var group = $"/groups/{world.FirstGroupId}";
        Dictionary<string, string> Member(string organisation, string province) => new()
        {
            ["UserId"] = newcomer.Id, ["Organisation"] = organisation, ["OrganisationKind"] = nameof(OrganisationKind.LocalAssociation),
            ["Expertise"] = nameof(ExpertiseKind.Professional), ["ProvinceCode"] = province,
        };

        using var ownOrganisation = await admin.PostFormAsync(group, $"{group}/members", Member("北京市海淀区", "Hainan"));
        using var ownProvince = await admin.PostFormAsync(group, $"{group}/members", Member("某学会", "Beijing"));
        using var noProvince = await admin.PostFormAsync(group, $"{group}/members", Member("某学会", ""));
        await world.App.WithDbAsync(async db =>
        {
            // Group 二组 gets a member from Tsinghua University: base 16U01 is then refused to it.
            db.ExpertGroupMembers.Add(new ExpertGroupMember { GroupId = world.SecondGroupId, UserId = newcomer.Id, Organisation = "清华大学", ProvinceCode = "Hainan" });
            return await db.SaveChangesAsync();
        });
        var tsinghua = await world.App.WithDbAsync(db => db.Bases.Where(b => b.Code == "16U01").Select(b => b.Id).SingleAsync());
        using var assign = await admin.PostFormAsync($"/groups/{world.SecondGroupId}", $"/groups/{world.SecondGroupId}/bases", [new("baseIds", $"{tsinghua}")]);
        var after = await admin.GetDocumentAsync($"/groups/{world.SecondGroupId}");

        Assert.Contains($"{newcomer.Email} 来自基地 16R01 本单位，不得为其评分（利益冲突）。", await ownOrganisation.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains($"{newcomer.Email} 所在单位与基地 16R01 同省，本轮评估要求专家回避本省基地。", await ownProvince.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains($"专家组中未登记 {newcomer.Email} 的所在省份", await noProvince.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await world.App.WithDbAsync(db => db.ExpertGroupMembers.CountAsync(m => m.GroupId == world.FirstGroupId)));
        Assert.Equal(HttpStatusCode.Redirect, assign.StatusCode);
        Assert.Contains($"未作任何分配——存在利益冲突： {newcomer.Email} 来自基地 16U01 本单位", after.DocumentElement.TextContent, StringComparison.Ordinal);
        Assert.False(await world.App.WithDbAsync(db => db.ExpertGroupBases.AnyAsync(a => a.BaseId == tsinghua)));
    }

    [Fact]
    public async Task TheGateRefusesAnExpertOfTheBasesProvinceOnceTheRoundSaysSoInTheBrowserAndOnPaper()
    {
        await using var world = await ProcedureWorld.CreateAsync();
        world.Clock.Now = ProcedureWorld.InExpertReview;
        await world.App.WithDbAsync(async db =>
        {
            (await db.ExpertGroupMembers.SingleAsync(m => m.UserId == world.Experts[1].Id)).ProvinceCode = "Beijing";
            (await db.ReviewRounds.SingleAsync()).ExcludeOwnProvince = true;
            return await db.SaveChangesAsync();
        });
        var expert = await world.ExpertAsync(1);
        var (admin, _, _) = await world.App.TokenClientAsync(Roles.Administrator);

        var sheet = await expert.GetDocumentAsync("/evaluation/rounds/2025/scoring/expert/16R01");
        using var typed = await ProcedureWorld.ScoreAsync(expert, "expert", "16R01", submit: false, Sheet("70", "30"));
        using var paper = await admin.PostAsync(new Uri("/api/v1/evaluation/rounds/2025/expert-scores", UriKind.Relative),
            ApiClients.Csv($"base_code,expert_email,criterion_code,score,comment\n16R02,{world.Experts[1].Email},plan,70,\n16R01,{world.Experts[1].Email},plan,70,\n"));
        using var otherProvince = await ProcedureWorld.ScoreAsync(expert, "expert", "16R02", submit: false, Sheet("70", "30"));

        var reason = $"{world.Experts[1].Email}'s organisation is in the province of base 16R01";
        Assert.Contains(reason, sheet.QuerySelector("[data-refusal]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, typed.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, paper.StatusCode);
        // The API answers in its default language, Chinese.
        Assert.Contains($"{world.Experts[1].Email} 所在单位与基地 16R01 同省", Strings(JsonDocument.Parse(await paper.Content.ReadAsStringAsync()).RootElement), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, otherProvince.StatusCode);
        Assert.Equal(["16R02"], await world.App.WithDbAsync(db => db.ExpertScores.Select(s => s.BaseId).Distinct()
            .Join(db.Bases, id => id, b => b.Id, (_, b) => b.Code).ToListAsync()));
    }

    [Fact]
    public async Task ADeclaredConflictTakesTheExpertOffTheBaseWithAnAuditRow()
    {
        await using var world = await ProcedureWorld.CreateAsync();
        world.Clock.Now = ProcedureWorld.InExpertReview;
        var expert = await world.ExpertAsync(2, "zh-CN");
        const string Sheet16R02 = "/evaluation/rounds/2025/scoring/expert/16R02";

        using var draft = await ProcedureWorld.ScoreAsync(expert, "expert", "16R02", submit: false, Sheet("66", "33"));
        using var noReason = await expert.PostFormAsync(Sheet16R02, Sheet16R02 + "/conflict", [new("reason", "  ")]);
        using var declared = await expert.PostFormAsync(Sheet16R02, Sheet16R02 + "/conflict", [new("reason", "本人曾任该区科技顾问")]);
        using var afterwards = await ProcedureWorld.ScoreAsync(expert, "expert", "16R02", submit: false, Sheet("66", "33"));
        var list = await expert.GetDocumentAsync("/evaluation/rounds/2025/scoring");
        var (conflict, scores, removals) = await world.App.WithDbAsync(async db => (await db.ExpertConflicts.SingleAsync(), await db.ExpertScores.CountAsync(),
            await db.ExpertScoreChanges.Where(c => c.NewScore == null).Select(c => new { c.Criterion, c.OldScore }).OrderBy(c => c.Criterion).ToListAsync()));

        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("请填写利益冲突的理由", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, afterwards.StatusCode);
        Assert.Contains("已声明与基地 16R02 存在利益冲突", await afterwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(("本人曾任该区科技顾问", world.Experts[2].Email, world.BaseIds["16R02"]), (conflict.Reason, conflict.DeclaredBy, conflict.BaseId));
        Assert.Equal(0, scores);
        Assert.Equal([("plan", (decimal?)66m), ("team", 33m)], removals.Select(r => (r.Criterion, r.OldScore)));
        Assert.Equal(nameof(ScoringProgressName.ConflictDeclared), list.QuerySelector("[data-pass=Expert] tr[data-base='16R02']")!.GetAttribute("data-progress"));
    }

    /// <summary>Every string of a JSON answer, unescaped, one per line.</summary>
    private static string Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Object => string.Join('\n', element.EnumerateObject().Select(p => Strings(p.Value))),
        JsonValueKind.Array => string.Join('\n', element.EnumerateArray().Select(Strings)),
        _ => "",
    };

    private enum ScoringProgressName
    {
        ConflictDeclared,
    }
}
