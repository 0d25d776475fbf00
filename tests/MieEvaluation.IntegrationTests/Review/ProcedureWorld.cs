using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MieEvaluation.Domain.Groups;
using MieEvaluation.Domain.Review;
using MieEvaluation.IntegrationTests.Api;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Review;

/// <summary>
/// A round of data year 2025 as the office runs it: self-evaluation in January 2026, experts' review in February, site
/// visits in March, cross review in April. Group 一组 (experts 0–2, expert 0 leading) evaluates 16R01–16R03; group 二组
/// (experts 3–4) evaluates 16R04. The contact of 16R01 has an account. The scheme scores two criteria: plan (of 100)
/// and team (of 50). The clock starts on 10 January 2026 and is moved by the tests.
/// </summary>
public sealed class ProcedureWorld : IAsyncDisposable
{
    public const string Scheme = """
        {
          "code": "procedure", "name_zh": "评估流程", "name_en": "Procedure", "max_missing_weight": 0.5,
          "criteria": [
            {"code": "plan", "name_zh": "发展规划", "name_en": "Plan", "max_score": 100, "guidance_zh": "规划是否清晰", "guidance_en": "Is the plan clear"},
            {"code": "team", "name_zh": "团队建设", "name_en": "Team", "max_score": 50, "guidance_zh": "团队是否健全", "guidance_en": "Is the team complete"}],
          "expert_aggregate": "mean",
          "dimensions": [{"code": "all", "name_zh": "全部", "name_en": "All",
            "items": [{"indicator": "patents_granted", "measure": "level"}, {"criterion": "plan"}]}],
          "grades": [{"code": "a", "name_zh": "优", "name_en": "A", "min_score": 50}]
        }
        """;

    public static readonly DateTimeOffset InSelfEvaluation = new(2026, 1, 10, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset InExpertReview = new(2026, 2, 10, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset InSiteVisits = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset InCrossReview = new(2026, 4, 10, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset AfterTheRound = new(2026, 5, 10, 8, 0, 0, TimeSpan.Zero);

    private static readonly string[] FirstGroupBases = ["16R01", "16R02", "16R03"];

    public FixedClock Clock { get; }

    public MieAppFactory App { get; }

    public List<(string Email, string Password, string Id)> Experts { get; } = [];

    public (string Email, string Password, string Id) Contact { get; private set; }

    public int FirstGroupId { get; private set; }

    public int SecondGroupId { get; private set; }

    public Dictionary<string, int> BaseIds { get; } = [];

    private ProcedureWorld(MieAppFactory app, FixedClock clock) => (App, Clock) = (app, clock);

    /// <summary>A new app on a clock of its own, with the round set up.</summary>
    public static Task<ProcedureWorld> CreateAsync(Action<ReviewRound>? settings = null)
    {
        var clock = new FixedClock(InSelfEvaluation);
        return SetUpAsync(new MieAppFactory().WithServices(s => s.AddSingleton<TimeProvider>(clock)), clock, settings);
    }

    /// <summary>The round set up in <paramref name="app"/>, whose <see cref="TimeProvider"/> is <paramref name="clock"/> (the browser tests' Kestrel app).</summary>
    public static async Task<ProcedureWorld> SetUpAsync(MieAppFactory app, FixedClock clock, Action<ReviewRound>? settings = null)
    {
        var world = new ProcedureWorld(app, clock);
        // Through the store the schemes page and API save with: the app may run on Kestrel, out of reach of CreateClient.
        using (var scope = app.Services.CreateScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<Web.Services.Evaluation.SchemeStore>().SaveAsync(Scheme, MieAppFactory.AdminEmail);
            Assert.True(saved.Saved, string.Join("; ", saved.Problems.Select(p => p.ToString())));
        }

        for (var i = 0; i < 5; i++)
        {
            world.Experts.Add(await world.App.CreateUserAsync(Roles.Evaluator));
        }

        world.Contact = await world.App.CreateUserAsync(Roles.BaseContact);
        await world.App.WithDbAsync(async db =>
        {
            foreach (var b in await db.Bases.Where(b => b.Code == "16R01" || b.Code == "16R02" || b.Code == "16R03" || b.Code == "16R04").ToListAsync())
            {
                world.BaseIds[b.Code] = b.Id;
            }

            var first = new ExpertGroup { Name = "一组", Year = 2025 };
            var second = new ExpertGroup { Name = "二组", Year = 2025 };
            for (var i = 0; i < 5; i++)
            {
                (i < 3 ? first : second).Members.Add(new ExpertGroupMember
                {
                    UserId = world.Experts[i].Id, Organisation = $"学会{i}", ProvinceCode = "Hainan", IsLeader = i == 0,
                    Expertise = i % 2 == 0 ? ExpertiseKind.Professional : ExpertiseKind.Operational,
                });
            }

            first.Bases.AddRange(FirstGroupBases.Select(code => new ExpertGroupBase { BaseId = world.BaseIds[code] }));
            second.Bases.Add(new ExpertGroupBase { BaseId = world.BaseIds["16R04"] });
            db.ExpertGroups.AddRange(first, second);
            var contact = await db.Users.SingleAsync(u => u.Id == world.Contact.Id);
            contact.BaseId = world.BaseIds["16R01"];
            var round = new ReviewRound
            {
                DataYear = 2025, SchemeCode = "procedure", Version = 1, CrossReviewThreshold = 10m,
                SelfEvaluationOpens = new DateOnly(2026, 1, 5), SelfEvaluationCloses = new DateOnly(2026, 1, 31),
                ExpertReviewOpens = new DateOnly(2026, 2, 1), ExpertReviewCloses = new DateOnly(2026, 2, 28),
                SiteVisitOpens = new DateOnly(2026, 3, 1), SiteVisitCloses = new DateOnly(2026, 3, 31),
                CrossReviewOpens = new DateOnly(2026, 4, 1), CrossReviewCloses = new DateOnly(2026, 4, 30),
            };
            settings?.Invoke(round);
            db.ReviewRounds.Add(round);
            await db.SaveChangesAsync();
            (world.FirstGroupId, world.SecondGroupId) = (first.Id, second.Id);
            return 0;
        });
        return world;
    }

    public Task<HttpClient> ExpertAsync(int i, string language = "en") => App.SignInAsync(Experts[i].Email, Experts[i].Password, language);

    public Task<HttpClient> ContactAsync(string language = "en") => App.SignInAsync(Contact.Email, Contact.Password, language);

    /// <summary>Posts an expert's sheet for a base: the scores (and comments) by criterion, saved as a draft or submitted.</summary>
    public static async Task<HttpResponseMessage> ScoreAsync(HttpClient expert, string pass, string baseCode, bool submit, params (string Criterion, string Score, string Comment)[] scores)
    {
        var url = $"/evaluation/rounds/2025/scoring/{pass}/{baseCode}";
        return await expert.PostFormAsync(url, url, scores.SelectMany(s => new KeyValuePair<string, string>[] { new($"Scores[{s.Criterion}]", s.Score), new($"Comments[{s.Criterion}]", s.Comment) })
            .Append(new("Command", submit ? "submit" : "save")));
    }

    /// <summary>Uploads a file to a form's action, with the anti-forgery token of the page.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string pageUrl, string actionUrl, string fileName, byte[] content, string declaredType)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(declaredType);
        form.Add(file, "file", fileName);
        return await client.PostAsync(new Uri(actionUrl, UriKind.Relative), form);
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
