using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MieEvaluation.Domain.Groups;
using MieEvaluation.Domain.Review;
using MieEvaluation.IntegrationTests.Api;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Review;

/// <summary>
/// A round scored on paper: the administrator imports the experts' scores through the API (a dry run first), every bad
/// line is refused in the reader's language with nothing written, a closed stage refuses the import, and once the
/// review closes the results give N, mean, median, trimmed mean and the aggregate the scheme uses, and Kendall's W.
/// </summary>
public sealed class ExpertScoresOnPaper : IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero));
    private readonly MieAppFactory _app;
    private readonly List<string> _experts = [];
    private string _conflicted = "";

    public ExpertScoresOnPaper() => _app = new MieAppFactory().WithServices(s => s.AddSingleton<TimeProvider>(_clock));

    private const string Scheme = """
        {
          "code": "paper-round", "name_zh": "函评", "name_en": "Paper round", "max_missing_weight": 0.5,
          "criteria": [{"code": "plan", "name_zh": "规划", "name_en": "Plan", "max_score": 100}],
          "expert_aggregate": "trimmed_mean",
          "dimensions": [{"code": "all", "name_zh": "全部", "name_en": "All",
            "items": [{"indicator": "patents_granted", "measure": "level"}, {"criterion": "plan"}]}],
          "grades": [{"code": "a", "name_zh": "优", "name_en": "A", "min_score": 50}]
        }
        """;

    public async Task InitializeAsync()
    {
        var (admin, _, _) = await _app.TokenClientAsync(Roles.Administrator);
        using var saved = await admin.PostAsync(new Uri("/api/v1/evaluation/schemes", UriKind.Relative), new StringContent(Scheme, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        for (var i = 0; i < 6; i++)
        {
            _experts.Add((await _app.CreateUserAsync(Roles.Evaluator)).Email);
        }

        await _app.WithDbAsync(async db =>
        {
            var bases = await db.Bases.Where(b => b.Code == "16R01" || b.Code == "16R02").ToListAsync();
            var ids = await db.Users.Where(u => _experts.Contains(u.Email!)).ToDictionaryAsync(u => u.Email!, u => u.Id);
            var group = new ExpertGroup { Name = "第一组", Year = 2025 };
            for (var i = 0; i < 5; i++)
            {
                group.Members.Add(new ExpertGroupMember { UserId = ids[_experts[i]], Organisation = $"学会{i}", Expertise = i % 2 == 0 ? ExpertiseKind.Professional : ExpertiseKind.Operational });
            }

            // The sixth expert works at base 16R02 itself.
            var own = bases.Single(b => b.Code == "16R02");
            group.Members.Add(new ExpertGroupMember { UserId = ids[_experts[5]], Organisation = own.NameZh, Expertise = ExpertiseKind.Operational });
            _conflicted = _experts[5];
            group.Bases.AddRange(bases.Select(b => new ExpertGroupBase { BaseId = b.Id }));
            db.ExpertGroups.Add(group);
            db.ReviewRounds.Add(new ReviewRound
            {
                DataYear = 2025, ExpertReviewOpens = new DateOnly(2026, 3, 1), ExpertReviewCloses = new DateOnly(2026, 3, 31), SchemeCode = "paper-round", Version = 1,
            });
            await db.SaveChangesAsync();
            return 0;
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private string Csv(params (string Base, int Expert, string Score)[] lines) =>
        "base_code,expert_email,criterion_code,score,comment\n" + string.Concat(lines.Select(l => $"{l.Base},{_experts[l.Expert]},plan,{l.Score},\n"));

    [Fact]
    public async Task ImportsAfterADryRunAndGivesTheResultsOnceTheReviewCloses()
    {
        var (admin, _, _) = await _app.TokenClientAsync(Roles.Administrator);
        // 16R01: 50, 70, 80, 90, 100 → mean 78, median 80, trimmed (70 + 80 + 90) / 3 = 80.
        // 16R02: 40, 65, 70, 75, 80 → mean 66, median 70, trimmed (65 + 70 + 75) / 3 = 70. Every expert puts 16R01 first.
        var csv = Csv(("16R01", 0, "50"), ("16R01", 1, "70"), ("16R01", 2, "80"), ("16R01", 3, "90"), ("16R01", 4, "100"),
            ("16R02", 0, "40"), ("16R02", 1, "65"), ("16R02", 2, "70"), ("16R02", 3, "75"), ("16R02", 4, "80"));

        using var dry = await admin.PostAsync(new Uri("/api/v1/evaluation/rounds/2025/expert-scores?dryRun=true", UriKind.Relative), ApiClients.Csv(csv));
        var afterDry = await _app.WithDbAsync(db => db.ExpertScores.CountAsync());
        using var written = await admin.PostAsync(new Uri("/api/v1/evaluation/rounds/2025/expert-scores", UriKind.Relative), ApiClients.Csv(csv));
        var stored = await _app.WithDbAsync(db => db.ExpertScores.CountAsync());
        var audit = await _app.WithDbAsync(db => db.ExpertScoreChanges.CountAsync(c => c.Source == Domain.Evaluation.ChangeSource.Import && c.OldScore == null));
        using var blind = await admin.GetAsync(new Uri("/api/v1/evaluation/rounds/2025/expert-results", UriKind.Relative));
        _clock.Now = new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);
        using var closed = await admin.PostAsync(new Uri("/api/v1/evaluation/rounds/2025/expert-scores", UriKind.Relative), ApiClients.Csv(csv));
        using var results = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/v1/evaluation/rounds/2025/expert-results", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.Equal(10, JsonDocument.Parse(await dry.Content.ReadAsStringAsync()).RootElement.GetProperty("newValues").GetInt32());
        Assert.Equal(0, afterDry);
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        Assert.Equal((10, 10), (stored, audit));
        // While the review is open the scores stay blind; once closed, a late import is refused.
        Assert.Equal(HttpStatusCode.Conflict, blind.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, closed.StatusCode);
        var rows = results.RootElement.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("base_code").GetString()!);
        var r01 = rows["16R01"];
        Assert.Equal((5, 78m, 80m, 80m, 80m), (r01.GetProperty("n").GetInt32(), r01.GetProperty("mean").GetDecimal(), r01.GetProperty("median").GetDecimal(),
            r01.GetProperty("trimmed_mean").GetDecimal(), r01.GetProperty("used").GetDecimal()));
        Assert.Equal((66m, 70m, 70m), (rows["16R02"].GetProperty("mean").GetDecimal(), rows["16R02"].GetProperty("median").GetDecimal(), rows["16R02"].GetProperty("used").GetDecimal()));
        Assert.Equal("trimmed_mean", results.RootElement.GetProperty("aggregate").GetString());
        // Into the scheme's total: the criterion item takes the trimmed means (80, 70), normalised among the regional
        // bases (minmax: 100 and 0); no base has patents in 2025 (missing weight 0.5, allowed), so the totals are 100 and 0.
        using var scheme = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/v1/evaluation/schemes/paper-round/results?year=2025", UriKind.Relative)));
        var totals = scheme.RootElement.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("base_code").GetString()!);
        Assert.Equal(100, totals["16R01"].GetProperty("items").GetProperty("criterion:plan").GetDouble(), 1e-9);
        Assert.Equal(100, totals["16R01"].GetProperty("total").GetDouble(), 1e-9);
        Assert.Equal(0, totals["16R02"].GetProperty("total").GetDouble(), 1e-9);
        Assert.Equal(JsonValueKind.Null, totals["16R03"].GetProperty("total").ValueKind);
        // The five experts agree on the order of the two bases: W = 1.
        var agreement = results.RootElement.GetProperty("agreement").EnumerateArray().Single();
        Assert.Equal((5, 2), (agreement.GetProperty("experts").GetInt32(), agreement.GetProperty("bases").GetInt32()));
        Assert.Equal(1.0, agreement.GetProperty("kendall_w").GetDouble(), 1e-12);
    }

    [Theory]
    [InlineData("99X99", 0, "50", "没有代码为“99X99”的基地。")]
    [InlineData("16R01", 0, "101", "“101”不是 0 到 100 之间、最多两位小数的分数。")]
    [InlineData("16R01", 0, "-5", "“-5”不是 0 到 100 之间、最多两位小数的分数。")]
    [InlineData("16R01", 0, "80.125", "“80.125”不是 0 到 100 之间、最多两位小数的分数。")]
    [InlineData("16R01", 0, "八十", "“八十”不是 0 到 100 之间、最多两位小数的分数。")]
    [InlineData("16R02", 5, "80", "不得为其评分（利益冲突）")]
    public async Task RefusesABadLineInChineseAndWritesNothing(string baseCode, int expert, string score, string message)
    {
        var (admin, _, _) = await _app.TokenClientAsync(Roles.Administrator);
        var csv = Csv(("16R01", 1, "70"), (baseCode, expert, score));

        using var refused = await admin.PostAsync(new Uri("/api/v1/evaluation/rounds/2025/expert-scores", UriKind.Relative), ApiClients.Csv(csv));
        var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var error = body.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.Contains(message, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync(db => db.ExpertScores.CountAsync()));
    }

    [Fact]
    public async Task RefusesACriterionNotInTheSchemeAndAnExpertOutsideTheGroup()
    {
        var (admin, _, _) = await _app.TokenClientAsync(Roles.Administrator);
        var outsider = (await _app.CreateUserAsync(Roles.Evaluator)).Email;
        var csv = "base_code,expert_email,criterion_code,score,comment\n" +
                  $"16R01,{_experts[0]},vision,50,\n" +
                  $"16R01,{outsider},plan,50,\n" +
                  $"16R01,{_experts[0]},plan,50,好\n16R01,{_experts[0]},plan,60,\n";

        using var refused = await admin.PostAsync(new Uri("/api/v1/evaluation/rounds/2025/expert-scores", UriKind.Relative), ApiClients.Csv(csv));
        var messages = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("message").GetString()!)).ToList();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(3, messages.Count);
        Assert.Contains("“vision”不是本轮方案的评审要点", messages[0].Item2, StringComparison.Ordinal);
        Assert.Contains(outsider, messages[1].Item2, StringComparison.Ordinal);
        Assert.Equal((5, "与第 4 行的专家、基地和评审要点重复。"), messages[2]);
    }

    [Fact]
    public async Task TheAdministratorImportsTheCurrentRoundOnAPageToo()
    {
        var admin = await _app.SignedInClientAsync(Roles.Administrator);
        var page = await admin.GetDocumentAsync("/evaluation/rounds/expert-scores/import");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Csv(("16R01", 0, "70"), ("16R01", 1, "80"))));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "paper.csv");
        form.Add(new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken");

        using var uploaded = await admin.PostAsync(new Uri("/evaluation/rounds/expert-scores/import", UriKind.Relative), form);
        var preview = await Html.ParseAsync(await uploaded.Content.ReadAsStringAsync());
        var before = await _app.WithDbAsync(db => db.ExpertScores.CountAsync());
        var confirm = preview.QuerySelector("form[action='/evaluation/rounds/expert-scores/import/confirm']")!;
        using var fields = new FormUrlEncodedContent(confirm.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!)));
        using var confirmed = await admin.PostAsync(new Uri("/evaluation/rounds/expert-scores/import/confirm", UriKind.Relative), fields);

        Assert.Contains("2025", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2", preview.QuerySelector("[data-count=new]")!.TextContent);
        Assert.Equal(0, before);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(2, await _app.WithDbAsync(db => db.ExpertScores.CountAsync()));
        Assert.Equal("paper.csv", await _app.WithDbAsync(db => db.ExpertScoreChanges.Select(c => c.FileName).FirstAsync()));
    }

    [Fact]
    public async Task OnlyTheAdministratorImportsAndAnUnknownYearIs404()
    {
        var (official, _, _) = await _app.TokenClientAsync(Roles.Official);
        var (admin, _, _) = await _app.TokenClientAsync(Roles.Administrator);

        using var forbidden = await official.PostAsync(new Uri("/api/v1/evaluation/rounds/2025/expert-scores", UriKind.Relative), ApiClients.Csv(Csv(("16R01", 0, "50"))));
        using var unknown = await admin.GetAsync(new Uri("/api/v1/evaluation/rounds/2011/expert-results", UriKind.Relative));
        using var noRound = await admin.GetAsync(new Uri("/api/v1/evaluation/rounds/2024/expert-results", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noRound.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.ExpertScores.CountAsync()));
    }
}
