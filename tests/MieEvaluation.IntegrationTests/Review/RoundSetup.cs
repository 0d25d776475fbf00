using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MieEvaluation.Domain.Review;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Review;

/// <summary>
/// The administrator sets up a data year's round — its stages' dates and its settings — and every role's home page
/// says which stage is open until when; bad dates, a stale page, an unknown scheme or year are refused with the reason
/// in the reader's language, and nothing is written.
/// </summary>
public sealed class RoundSetup : IAsyncLifetime
{
    // 2026-03-10: the round held in 2026 is for data year 2025.
    private readonly MieAppFactory _app = new MieAppFactory()
        .WithServices(s => s.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero))));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static Dictionary<string, string> Round(int version = 0) => new()
    {
        ["Version"] = $"{version}",
        ["SelfEvaluationOpens"] = "2026-02-01", ["SelfEvaluationCloses"] = "2026-02-28",
        ["ExpertReviewOpens"] = "2026-03-01", ["ExpertReviewCloses"] = "2026-03-31",
        ["SiteVisitOpens"] = "2026-04-10",
        ["NormalisePerExpert"] = "true", ["CrossReviewThreshold"] = "12.5",
    };

    [Fact]
    public async Task SavesTheRoundAndShowsEveryRoleWhatIsOpenUntilWhen()
    {
        var admin = await _app.SignedInClientAsync(Roles.Administrator);
        using var saved = await admin.PostFormAsync("/evaluation/rounds/2025", "/evaluation/rounds/2025", Round());
        var round = await _app.WithDbAsync(db => db.ReviewRounds.SingleAsync());
        var evaluator = await _app.SignedInClientAsync(Roles.Evaluator);
        var home = await evaluator.GetDocumentAsync("/", "zh-CN");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal((2025, 1, true, false, 12.5m), (round.DataYear, round.Version, round.NormalisePerExpert, round.ExcludeOwnProvince, round.CrossReviewThreshold));
        Assert.Equal(new DateOnly(2026, 3, 31), round.ExpertReviewCloses);
        Assert.Null(round.SiteVisitCloses);
        string State(string stage) => home.QuerySelector($"#round-stages-now [data-stage={stage}]")!.GetAttribute("data-state")!;
        Assert.Equal(("Closed", "Open", "NotYetOpen", "NotScheduled"), (State("SelfEvaluation"), State("ExpertReview"), State("SiteVisit"), State("CrossReview")));
        Assert.Contains("专家函评: 进行中，截至 2026-03-31", home.QuerySelector("#round-stages-now")!.TextContent.Replace("\n", " ", StringComparison.Ordinal)
            .Split("  ", StringSplitOptions.RemoveEmptyEntries).Select(t => t.Trim()), StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("ExpertReviewCloses", "2026-02-15", "专家函评：截止日期须有开始日期，且不得早于开始日期。")]
    [InlineData("CrossReviewCloses", "2026-05-01", "交叉互评：截止日期须有开始日期，且不得早于开始日期。")]
    [InlineData("CrossReviewThreshold", "-1", "交叉互评阈值须在 0 到 1000 之间。")]
    [InlineData("SchemeCode", "no-such-scheme", "不存在方案“no-such-scheme”。")]
    [InlineData("SiteVisitOpens", "2026-13-45", "2026-13-45")]
    public async Task RefusesABadFieldWithItsReasonAndWritesNothing(string field, string value, string message)
    {
        var admin = await _app.SignedInClientAsync(Roles.Administrator);
        var fields = Round();
        fields[field] = value;

        using var refused = await admin.PostFormAsync("/evaluation/rounds/2025", "/evaluation/rounds/2025", fields);
        var page = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(message, page.QuerySelector("[data-form-errors]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync(db => db.ReviewRounds.CountAsync()));
    }

    [Fact]
    public async Task RefusesASaveFromAStalePageAndKeepsTheOtherSave()
    {
        var admin = await _app.SignedInClientAsync(Roles.Administrator);
        using var first = await admin.PostFormAsync("/evaluation/rounds/2025", "/evaluation/rounds/2025", Round(version: 0));
        var stale = Round(version: 0);
        stale["CrossReviewThreshold"] = "99";

        using var second = await admin.PostFormAsync("/evaluation/rounds/2025", "/evaluation/rounds/2025", stale);
        var page = await Html.ParseAsync(await second.Content.ReadAsStringAsync());
        var round = await _app.WithDbAsync(db => db.ReviewRounds.SingleAsync());

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.NotNull(page.QuerySelector("[data-conflict]"));
        Assert.Equal((1, 12.5m), (round.Version, round.CrossReviewThreshold));
    }

    [Theory]
    [InlineData("/evaluation/rounds/2015")]
    [InlineData("/evaluation/rounds/2030")]
    public async Task RefusesAYearOutsideTheEvaluation(string url)
    {
        var admin = await _app.SignedInClientAsync(Roles.Administrator);

        using var refused = await admin.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains("2016", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
