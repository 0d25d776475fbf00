using System.Net;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Groups;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Security;

/// <summary>
/// Evaluators write only for the bases of their own expert groups in that year. Every write route that evaluators use
/// is tried here with a base outside their groups; the data-entry routes add theirs to these tests.
/// </summary>
public sealed class EvaluatorScopeEnforcement : IAsyncLifetime
{
    private readonly MieAppFactory _app = new();
    private readonly int _year = DateTime.UtcNow.Year;
    private (string Email, string Password, string Id) _eastEvaluator;

    public async Task InitializeAsync()
    {
        _ = _app.CreateClient();
        _eastEvaluator = await _app.CreateUserAsync(Roles.Evaluator);
        var westEvaluator = await _app.CreateUserAsync(Roles.Evaluator);
        await _app.WithDbAsync(async db =>
        {
            ExpertGroup Group(string name, string userId, int year, params string[] codes)
            {
                var group = new ExpertGroup { Name = name, Year = year };
                group.Members.Add(new ExpertGroupMember { UserId = userId, Organisation = "Society", Expertise = ExpertiseKind.Professional });
                foreach (var id in db.Bases.Where(b => codes.Contains(b.Code)).Select(b => b.Id))
                {
                    group.Bases.Add(new ExpertGroupBase { BaseId = id });
                }

                return group;
            }

            db.ExpertGroups.AddRange(
                Group("East", _eastEvaluator.Id, _year, "16R01"),
                Group("West", westEvaluator.Id, _year, "16R10"),
                Group("East last year", _eastEvaluator.Id, _year - 1, "16R02"));
            return await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("16R10", 0)]
    [InlineData("16R02", 0)]
    [InlineData("17U01", 0)]
    public async Task GetsForbiddenAndWritesNothingGivenABaseOutsideTheirGroups(string code, int yearOffset)
    {
        var client = await _app.SignInAsync(_eastEvaluator.Email, _eastEvaluator.Password, "en");
        var before = await _app.WithDbAsync(db => db.IssueReports.CountAsync());
        var year = _year + yearOffset;

        using var form = await client.GetAsync(new Uri($"/issues/new?base={code}&year={year}", UriKind.Relative));
        using var post = await client.PostFormAsync("/account/login", "/issues", Fields(code, year, "Forbidden write"));

        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(before, await _app.WithDbAsync(db => db.IssueReports.CountAsync()));
    }

    [Theory]
    [InlineData("16R01", 0)]
    [InlineData("16R02", -1)]
    public async Task RecordsTheIssueGivenABaseOfTheirGroupInThatYear(string code, int yearOffset)
    {
        var client = await _app.SignInAsync(_eastEvaluator.Email, _eastEvaluator.Password, "en");
        var text = $"Too few exchange channels {Guid.NewGuid():N}";

        using var post = await client.PostFormAsync("/account/login", "/issues", Fields(code, _year + yearOffset, text));

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(1, await _app.WithDbAsync(db => db.IssueReports.CountAsync(r => r.Text == text && r.Base.Code == code)));
    }

    [Fact]
    public async Task RendersScriptInIssueTextInert()
    {
        var client = await _app.SignInAsync(_eastEvaluator.Email, _eastEvaluator.Password, "en");
        const string attack = "<script>alert('x')</script><img src=x onerror=alert(1)>";

        using var post = await client.PostFormAsync("/account/login", "/issues", Fields("16R01", _year, attack));
        var html = await (await client.GetAsync(new Uri("/bases/16R01/issues", UriKind.Relative))).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Describe the issue.")]
    [InlineData("   ", "Describe the issue.")]
    public async Task RefusesWithAMessageAndWritesNothingGivenAnEmptyText(string text, string message)
    {
        var client = await _app.SignInAsync(_eastEvaluator.Email, _eastEvaluator.Password, "en");
        var before = await _app.WithDbAsync(db => db.IssueReports.CountAsync());

        using var post = await client.PostFormAsync("/account/login", "/issues", Fields("16R01", _year, text));
        var html = await post.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal(before, await _app.WithDbAsync(db => db.IssueReports.CountAsync()));
    }

    [Fact]
    public async Task RefusesWithAMessageGivenTooLongTextOrUnknownCategory()
    {
        var client = await _app.SignInAsync(_eastEvaluator.Email, _eastEvaluator.Password, "en");
        var fields = Fields("16R01", _year, new string('长', 4001));
        fields["CategoryId"] = "987654";

        using var post = await client.PostFormAsync("/account/login", "/issues", fields);
        var html = await post.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("at most 4000 characters", html, StringComparison.Ordinal);
        Assert.Contains("Choose a category.", html, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Fields(string code, int year, string text)
    {
        var categoryId = _app.WithDbAsync(db => db.IssueCategories.Where(c => c.Code == "east_west_channels").Select(c => c.Id).SingleAsync())
            .GetAwaiter().GetResult();
        return new()
        {
            ["BaseCode"] = code,
            ["Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CategoryId"] = categoryId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Severity"] = "High",
            ["Text"] = text,
        };
    }
}
