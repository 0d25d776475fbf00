using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Groups;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Security;

/// <summary>
/// Every route of the app × anonymous and each role → the expected status. The routes come from the app's own
/// endpoint data source, so a new route without a decision here fails <see cref="EveryRouteHasADecision"/>.
/// </summary>
public sealed class AuthorizationMatrix : IClassFixture<AuthorizationMatrix.Fixture>
{
    private const string Anonymous = "anonymous";

    /// <summary>A signed-in account that holds no role yet.</summary>
    private const string NoRole = "no role";
    private static readonly string[] Callers = [Anonymous, NoRole, .. Roles.All];
    /// <summary>The evaluation office's roles: every role but the base contact's.</summary>
    private static readonly string[] Office = [.. Roles.Office];

    /// <summary>Every role: the pages about one base, which the base's own contact (bound to 16R01 here) reaches too.</summary>
    private static readonly string[] EveryRole = [.. Roles.All];

    /// <summary>Any signed-in account, a role-less one included: home, password, sign-out.</summary>
    private static readonly string[] SignedIn = [NoRole, .. Roles.All];
    private static readonly string[] Figures = [Roles.Administrator, Roles.Reviewer, Roles.Official, Roles.Analyst];
    private static readonly string[] Exports = [Roles.Administrator, Roles.Analyst];
    private static readonly string[] ApiExports = ["growth", "growth-long", "values", "completeness", "issues"];
    private static readonly string[] ApiFormats = ["", ".csv", ".xlsx"];

    /// <summary>Who may call a route, and what they get with the sample request below.</summary>
    private sealed record Decision(string Method, string Pattern, string Url, string[]? AllowedRoles, HttpStatusCode Allowed,
        Dictionary<string, string>? Form = null, bool IsApi = false)
    {
        public bool IsAnonymous => AllowedRoles is null;
    }

    /// <summary>An API route: the cookie is never accepted, so every caller here gets 401 (tokens: ApiAuthorization).</summary>
    private static Decision Api(string method, string pattern, string url) => new(method, pattern, url, [], HttpStatusCode.Unauthorized, null, true);

    private readonly Fixture _fixture;

    public AuthorizationMatrix(Fixture fixture) => _fixture = fixture;

    private static List<Decision> Decisions(Fixture f) =>
    [
        new("*", "/health", "/health", null, HttpStatusCode.OK),
        new("GET", "", "/", SignedIn, HttpStatusCode.OK),
        new("POST", "culture", "/culture", null, HttpStatusCode.Redirect, new() { ["culture"] = "en" }),
        new("*", "error", "/error", null, HttpStatusCode.InternalServerError),
        new("*", "error/{statusCode:int}", "/error/404", null, HttpStatusCode.NotFound),
        new("GET", "account/login", "/account/login", null, HttpStatusCode.OK),
        new("POST", "account/login", "/account/login", null, HttpStatusCode.OK, new() { ["Email"] = "" }),
        new("GET", "account/access-denied", "/account/access-denied", null, HttpStatusCode.Forbidden),
        new("GET", "account/setup", "/account/setup?token=wrong", null, HttpStatusCode.NotFound),
        new("POST", "account/setup", "/account/setup", null, HttpStatusCode.NotFound, new() { ["Token"] = "wrong" }),
        new("GET", "account/password", "/account/password", SignedIn, HttpStatusCode.OK),
        new("POST", "account/password", "/account/password", SignedIn, HttpStatusCode.OK, new() { ["NewPassword"] = "" }),
        new("GET", "bases", "/bases", Office, HttpStatusCode.OK),
        new("GET", "bases/{code}", "/bases/16R01", EveryRole, HttpStatusCode.OK),
        new("GET", "bases/{code}/issues", "/bases/16R01/issues", EveryRole, HttpStatusCode.OK),
        new("GET", "issues/new", $"/issues/new?base=16R01&year={f.Year}", [Roles.Evaluator], HttpStatusCode.OK),
        new("POST", "issues", "/issues", [Roles.Evaluator], HttpStatusCode.OK,
            new() { ["BaseCode"] = "16R01", ["Year"] = $"{f.Year}", ["Text"] = "" }),
        new("GET", "entry", "/entry", [Roles.Evaluator], HttpStatusCode.OK),
        new("GET", "entry/{code}/{year:int}", $"/entry/16R01/{f.Year}", [Roles.Administrator, Roles.Evaluator, Roles.Reviewer], HttpStatusCode.OK),
        // The evaluator's save creates a draft (all values empty); the reviewer, later in the loop, then hits a stale version.
        new("POST", "entry/{code}/{year:int}", $"/entry/16R01/{f.Year}", [Roles.Evaluator], HttpStatusCode.Redirect, new() { ["Command"] = "save" }),
        new("POST", "entry/{code}/{year:int}/review", $"/entry/16R01/{f.Year}/review", [Roles.Reviewer], HttpStatusCode.Conflict,
            new() { ["command"] = "approve" }),
        new("GET", "review", "/review", [Roles.Reviewer], HttpStatusCode.OK),
        // A post without any form is malformed: refused whole (400), never half-applied.
        new("POST", "review/approve-all", "/review/approve-all", [Roles.Reviewer], HttpStatusCode.BadRequest, new() { ["year"] = $"{f.Year}" }),
        new("GET", "import", "/import", [Roles.Evaluator, Roles.Reviewer], HttpStatusCode.OK),
        new("GET", "import/template/long.csv", "/import/template/long.csv", [Roles.Evaluator, Roles.Reviewer], HttpStatusCode.OK),
        new("GET", "import/template/long.xlsx", "/import/template/long.xlsx", [Roles.Evaluator, Roles.Reviewer], HttpStatusCode.OK),
        new("GET", "import/template/wide.csv", "/import/template/wide.csv", [Roles.Evaluator, Roles.Reviewer], HttpStatusCode.OK),
        new("GET", "import/template/wide.xlsx", "/import/template/wide.xlsx", [Roles.Evaluator, Roles.Reviewer], HttpStatusCode.OK),
        new("POST", "import", "/import", [Roles.Evaluator, Roles.Reviewer], HttpStatusCode.BadRequest),
        new("POST", "import/confirm", "/import/confirm", [Roles.Evaluator, Roles.Reviewer], HttpStatusCode.BadRequest, new() { ["token"] = "nope" }),
        new("GET", "admin/bases/import", "/admin/bases/import", [Roles.Administrator], HttpStatusCode.OK),
        new("POST", "admin/bases/import", "/admin/bases/import", [Roles.Administrator], HttpStatusCode.BadRequest),
        new("POST", "admin/bases/import/confirm", "/admin/bases/import/confirm", [Roles.Administrator], HttpStatusCode.BadRequest),
        new("GET", "dashboard", "/dashboard", Figures, HttpStatusCode.OK),
        new("GET", "completeness", "/completeness", Figures, HttpStatusCode.OK),
        new("GET", "evaluation", "/evaluation", Figures, HttpStatusCode.OK),
        new("GET", "reports/national.xlsx", "/reports/national.xlsx?from=2016&to=2017", Figures, HttpStatusCode.OK),
        new("GET", "reports/national.docx", "/reports/national.docx?from=2016&to=2017", Figures, HttpStatusCode.OK),
        new("GET", "reports/national.pdf", "/reports/national.pdf?from=2016&to=2017", Figures, HttpStatusCode.OK),
        new("GET", "reports/bases/{code}.xlsx", "/reports/bases/16R01.xlsx", EveryRole, HttpStatusCode.OK),
        new("GET", "reports/bases/{code}.docx", "/reports/bases/16R01.docx", EveryRole, HttpStatusCode.OK),
        new("GET", "reports/bases/{code}.pdf", "/reports/bases/16R01.pdf", EveryRole, HttpStatusCode.OK),
        new("GET", "evaluation/{code}/{year:int}", "/evaluation/none/2018", Figures, HttpStatusCode.NotFound),
        new("GET", "evaluation/{code}/{year:int}/bases/{baseCode}", "/evaluation/none/2018/bases/16R01", Figures, HttpStatusCode.NotFound),
        new("GET", "evaluation/{code}/{year:int}/results.csv", "/evaluation/none/2018/results.csv", Figures, HttpStatusCode.NotFound),
        new("POST", "evaluation/{code}/{year:int}/publish", "/evaluation/none/2018/publish", [Roles.Administrator], HttpStatusCode.NotFound),
        new("POST", "evaluation/{code}/{year:int}/withdraw", "/evaluation/none/2018/withdraw", [Roles.Administrator], HttpStatusCode.NotFound, new() { ["reason"] = "x" }),
        new("GET", "evaluation/schemes/new", "/evaluation/schemes/new", [Roles.Administrator], HttpStatusCode.OK),
        new("GET", "evaluation/schemes/{code}/edit", "/evaluation/schemes/none/edit", [Roles.Administrator], HttpStatusCode.NotFound),
        new("POST", "evaluation/schemes", "/evaluation/schemes", [Roles.Administrator], HttpStatusCode.BadRequest, new() { ["json"] = "" }),
        new("GET", "evaluation/rounds", "/evaluation/rounds", [Roles.Administrator], HttpStatusCode.Redirect),
        new("GET", "evaluation/rounds/expert-scores/import", "/evaluation/rounds/expert-scores/import", [Roles.Administrator], HttpStatusCode.OK),
        new("POST", "evaluation/rounds/expert-scores/import", "/evaluation/rounds/expert-scores/import", [Roles.Administrator], HttpStatusCode.BadRequest),
        new("POST", "evaluation/rounds/expert-scores/import/confirm", "/evaluation/rounds/expert-scores/import/confirm", [Roles.Administrator], HttpStatusCode.BadRequest),
        new("GET", "evaluation/rounds/{year:int}", "/evaluation/rounds/2025", [Roles.Administrator], HttpStatusCode.OK),
        new("POST", "evaluation/rounds/{year:int}", "/evaluation/rounds/2025", [Roles.Administrator], HttpStatusCode.BadRequest, new() { ["CrossReviewThreshold"] = "-1" }),
        new("GET", "evaluation/schemes/ahp", "/evaluation/schemes/ahp?matrix=1,3;1/3,1", [Roles.Administrator], HttpStatusCode.OK),
        new("GET", "dictionary", "/dictionary", Office, HttpStatusCode.OK),
        new("GET", "evaluation/rounds/{year:int}/scoring", $"/evaluation/rounds/{f.Year}/scoring", [Roles.Evaluator], HttpStatusCode.OK),
        new("GET", "evaluation/rounds/{year:int}/scoring/{pass}/{code}", $"/evaluation/rounds/{f.Year}/scoring/expert/16R01", [Roles.Evaluator], HttpStatusCode.OK),
        // The round's experts' review is not scheduled: the sheet refuses to be written, the conflict wants a reason.
        new("POST", "evaluation/rounds/{year:int}/scoring/{pass}/{code}", $"/evaluation/rounds/{f.Year}/scoring/expert/16R01", [Roles.Evaluator], HttpStatusCode.Conflict),
        new("POST", "evaluation/rounds/{year:int}/scoring/{pass}/{code}/conflict", $"/evaluation/rounds/{f.Year}/scoring/expert/16R01/conflict", [Roles.Evaluator],
            HttpStatusCode.BadRequest),
        new("GET", "bases/{code}/self-evaluation/{year:int}", $"/bases/16R01/self-evaluation/{f.Year}", EveryRole, HttpStatusCode.OK),
        // The self-evaluation is not open in the matrix's round: its contact's writes are refused with the reason.
        new("POST", "bases/{code}/self-evaluation/{year:int}", $"/bases/16R01/self-evaluation/{f.Year}", [Roles.BaseContact], HttpStatusCode.Conflict),
        new("POST", "bases/{code}/self-evaluation/{year:int}/evidence", $"/bases/16R01/self-evaluation/{f.Year}/evidence", [Roles.BaseContact], HttpStatusCode.BadRequest),
        new("POST", "bases/{code}/self-evaluation/{year:int}/evidence/{id:long}/remove", $"/bases/16R01/self-evaluation/{f.Year}/evidence/999999/remove",
            [Roles.BaseContact], HttpStatusCode.Conflict),
        new("GET", "evidence/{id:long}", "/evidence/999999", EveryRole, HttpStatusCode.NotFound),
        new("GET", "evaluation/rounds/{year:int}/visits/{code}", $"/evaluation/rounds/{f.Year}/visits/16R01", EveryRole, HttpStatusCode.OK),
        new("POST", "evaluation/rounds/{year:int}/visits/{code}", $"/evaluation/rounds/{f.Year}/visits/16R01", [Roles.Administrator], HttpStatusCode.Conflict),
        new("POST", "evaluation/rounds/{year:int}/visits/{code}/{visitId:int}/evidence", $"/evaluation/rounds/{f.Year}/visits/16R01/999999/evidence",
            [Roles.Administrator], HttpStatusCode.NotFound),
        new("GET", "evaluation/rounds/{year:int}/cross-review", $"/evaluation/rounds/{f.Year}/cross-review", [Roles.Administrator], HttpStatusCode.OK),
        new("POST", "evaluation/rounds/{year:int}/cross-review", $"/evaluation/rounds/{f.Year}/cross-review", [Roles.Administrator], HttpStatusCode.BadRequest),
        // The experts' review is not closed: the results stay blind (409) for those who may read them.
        new("GET", "evaluation/rounds/{year:int}/results", $"/evaluation/rounds/{f.Year}/results", Figures, HttpStatusCode.Conflict),
        new("GET", "export/growth.csv", "/export/growth.csv", Exports, HttpStatusCode.OK),
        new("GET", "export/growth.xlsx", "/export/growth.xlsx", Exports, HttpStatusCode.OK),
        new("GET", "export/growth-long.csv", "/export/growth-long.csv", Exports, HttpStatusCode.OK),
        new("GET", "export/growth-long.xlsx", "/export/growth-long.xlsx", Exports, HttpStatusCode.OK),
        new("GET", "export/values.csv", "/export/values.csv", Exports, HttpStatusCode.OK),
        new("GET", "export/values.xlsx", "/export/values.xlsx", Exports, HttpStatusCode.OK),
        new("GET", "export/completeness.csv", "/export/completeness.csv", Exports, HttpStatusCode.OK),
        new("GET", "export/completeness.xlsx", "/export/completeness.xlsx", Exports, HttpStatusCode.OK),
        new("GET", "export/issues.xlsx", "/export/issues.xlsx", Exports, HttpStatusCode.OK),
        new("GET", "issues/summary", "/issues/summary", Figures, HttpStatusCode.OK),
        new("GET", "export/issues.csv", "/export/issues.csv", Exports, HttpStatusCode.OK),
        new("POST", "issues/{id:int}/status", "/issues/999999/status", [Roles.Evaluator], HttpStatusCode.NotFound, new() { ["status"] = "open" }),
        new("GET", "admin/categories", "/admin/categories", [Roles.Administrator], HttpStatusCode.OK),
        new("POST", "admin/categories", "/admin/categories", [Roles.Administrator], HttpStatusCode.BadRequest, new() { ["Code"] = "" }),
        new("GET", "admin/backup", "/admin/backup", [Roles.Administrator], HttpStatusCode.OK),
        new("POST", "admin/backup", "/admin/backup", [Roles.Administrator], HttpStatusCode.OK),
        new("GET", "groups", "/groups", [Roles.Administrator], HttpStatusCode.OK),
        new("POST", "groups", "/groups", [Roles.Administrator], HttpStatusCode.OK, new() { ["Name"] = "" }),
        new("GET", "groups/{id:int}", $"/groups/{f.GroupId}", [Roles.Administrator], HttpStatusCode.OK),
        new("POST", "groups/{id:int}/members", $"/groups/{f.GroupId}/members", [Roles.Administrator], HttpStatusCode.OK, new() { ["UserId"] = "" }),
        new("POST", "groups/{id:int}/members/{memberId:int}/remove", $"/groups/{f.GroupId}/members/999999/remove", [Roles.Administrator], HttpStatusCode.Redirect),
        new("POST", "groups/{id:int}/bases", $"/groups/{f.GroupId}/bases", [Roles.Administrator], HttpStatusCode.Redirect),
        new("POST", "groups/{id:int}/bases/{baseId:int}/remove", $"/groups/{f.GroupId}/bases/999999/remove", [Roles.Administrator], HttpStatusCode.Redirect),
        new("GET", "admin/users", "/admin/users", [Roles.Administrator], HttpStatusCode.OK),
        new("GET", "admin/users/new", "/admin/users/new", [Roles.Administrator], HttpStatusCode.OK),
        new("POST", "admin/users/new", "/admin/users/new", [Roles.Administrator], HttpStatusCode.OK, new() { ["Email"] = "" }),
        new("GET", "admin/users/{id}", $"/admin/users/{f.SampleUserId}", [Roles.Administrator], HttpStatusCode.OK),
        new("POST", "admin/users/{id}", $"/admin/users/{f.SampleUserId}", [Roles.Administrator], HttpStatusCode.OK, new() { ["Email"] = "" }),
        new("GET", "admin/sign-in-throttles", "/admin/sign-in-throttles", [Roles.Administrator], HttpStatusCode.OK),
        new("POST", "admin/sign-in-throttles/{id:long}/clear", "/admin/sign-in-throttles/999999/clear", [Roles.Administrator], HttpStatusCode.Redirect),
        new("GET", "admin/users/{id}/status", $"/admin/users/{f.SampleUserId}/status", [Roles.Administrator], HttpStatusCode.OK),
        // Without a reason both are refused (400), so the sample account stays as it is for the other callers.
        new("POST", "admin/users/{id}/disable", $"/admin/users/{f.SampleUserId}/disable", [Roles.Administrator], HttpStatusCode.BadRequest),
        new("POST", "admin/users/{id}/enable", $"/admin/users/{f.SampleUserId}/enable", [Roles.Administrator], HttpStatusCode.BadRequest),
        Api("GET", "/api/v1/openapi.json", "/api/v1/openapi.json") with { AllowedRoles = null, Allowed = HttpStatusCode.OK },
        Api("POST", "api/v1/tokens", "/api/v1/tokens") with { AllowedRoles = null, Allowed = HttpStatusCode.BadRequest, IsApi = true },
        Api("GET", "api/v1/bases", "/api/v1/bases"),
        Api("GET", "api/v1/indicators", "/api/v1/indicators"),
        Api("POST", "api/v1/bases/import", "/api/v1/bases/import"),
        Api("POST", "api/v1/values/import", "/api/v1/values/import"),
        Api("GET", "api/v1/figures/national", "/api/v1/figures/national"),
        Api("GET", "api/v1/figures/bases/{code}", "/api/v1/figures/bases/16R01"),
        Api("GET", "api/v1/reports/national.xlsx", "/api/v1/reports/national.xlsx?from=2016&to=2017"),
        Api("GET", "api/v1/reports/national.docx", "/api/v1/reports/national.docx?from=2016&to=2017"),
        Api("GET", "api/v1/reports/national.pdf", "/api/v1/reports/national.pdf?from=2016&to=2017"),
        Api("POST", "api/v1/evaluation/rounds/{year:int}/expert-scores", "/api/v1/evaluation/rounds/2025/expert-scores"),
        Api("GET", "api/v1/evaluation/rounds/{year:int}/expert-results", "/api/v1/evaluation/rounds/2025/expert-results"),
        Api("GET", "api/v1/reports/bases/{code}.xlsx", "/api/v1/reports/bases/16R01.xlsx"),
        Api("GET", "api/v1/reports/bases/{code}.docx", "/api/v1/reports/bases/16R01.docx"),
        Api("GET", "api/v1/reports/bases/{code}.pdf", "/api/v1/reports/bases/16R01.pdf"),
        Api("GET", "api/v1/evaluation/schemes", "/api/v1/evaluation/schemes"),
        Api("POST", "api/v1/evaluation/schemes", "/api/v1/evaluation/schemes"),
        Api("GET", "api/v1/evaluation/schemes/{code}", "/api/v1/evaluation/schemes/none"),
        Api("GET", "api/v1/evaluation/schemes/{code}/results", "/api/v1/evaluation/schemes/none/results"),
        Api("GET", "api/v1/evaluation/schemes/{code}/robustness", "/api/v1/evaluation/schemes/none/robustness"),
        .. ApiExports.SelectMany(export => ApiFormats.Select(format => Api("GET", $"api/v1/{export}{format}", $"/api/v1/{export}{format}"))),
        new("GET", "account/tokens", "/account/tokens", Office, HttpStatusCode.OK),
        new("POST", "account/tokens", "/account/tokens", Office, HttpStatusCode.OK, new() { ["name"] = "matrix" }),
        new("POST", "account/tokens/{id:int}/revoke", "/account/tokens/999999/revoke", Office, HttpStatusCode.NotFound),
        // Last: it ends the session of the client that calls it.
        new("POST", "account/logout", "/account/logout", SignedIn, HttpStatusCode.Redirect),
    ];

    [Fact]
    public void EveryRouteHasADecision()
    {
        var decided = Decisions(_fixture).Select(d => $"{d.Method} {d.Pattern}").ToHashSet();
        var routes = _fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // Static files are public by design (ADR 0002); the {**path:file} fallback belongs to them.
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null && e.RoutePattern.RawText != "{**path:file}")
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();

        Assert.Empty(routes.Except(decided));
        Assert.Empty(decided.Except(routes));
    }

    [Fact]
    public async Task EveryCallerGetsTheExpectedStatusOnEveryRoute()
    {
        var mismatches = new List<string>();
        foreach (var caller in Callers)
        {
            var client = caller == Anonymous
                ? _fixture.App.CreateClient(new() { AllowAutoRedirect = false })
                : await _fixture.ClientForAsync(caller);
            foreach (var decision in Decisions(_fixture))
            {
                var allowed = decision.IsAnonymous || (caller != Anonymous && decision.AllowedRoles!.Contains(caller));
                var expected = allowed || decision.IsApi ? decision.Allowed : caller == Anonymous ? HttpStatusCode.Redirect : HttpStatusCode.Forbidden;
                using var response = decision.Method == "POST" && decision.IsApi
                    ? await client.PostAsync(new Uri(decision.Url, UriKind.Relative), decision.Url.EndsWith("/import", StringComparison.Ordinal)
                        ? new StringContent("", System.Text.Encoding.UTF8, "text/csv")
                        : JsonContent.Create(new { }))
                    : decision.Method == "POST"
                    ? await client.PostFormAsync("/account/login", decision.Url, decision.Form ?? [])
                    : await client.GetAsync(new Uri(decision.Url, UriKind.Relative));
                var location = response.Headers.Location?.OriginalString ?? "";
                var sentToLogin = response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/login?ReturnUrl", StringComparison.Ordinal);
                if (response.StatusCode != expected || (!allowed && !decision.IsApi && caller == Anonymous && !sentToLogin) || (allowed && sentToLogin))
                {
                    mismatches.Add($"{caller} {decision.Method} {decision.Url}: expected {(int)expected}, got {(int)response.StatusCode} {location}");
                }
            }
        }

        Assert.Empty(mismatches);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public MieAppFactory App { get; } = new();

        public int Year { get; } = DateTime.UtcNow.Year;

        public int GroupId { get; private set; }

        public string SampleUserId { get; private set; } = "";

        private readonly Dictionary<string, (string Email, string Password, string Id)> _accounts = new();

        public async Task InitializeAsync()
        {
            _ = App.CreateClient();
            foreach (var role in Roles.All)
            {
                _accounts[role] = await App.CreateUserAsync(role);
            }

            // The base contact is 16R01's; the matrix's round has its stages unscheduled.
            await App.WithDbAsync(async db =>
            {
                var contact = await db.Users.SingleAsync(u => u.Id == _accounts[Roles.BaseContact].Id);
                contact.BaseId = await db.Bases.Where(b => b.Code == "16R01").Select(b => b.Id).SingleAsync();
                db.ReviewRounds.Add(new MieEvaluation.Domain.Review.ReviewRound { DataYear = Year, Version = 1 });
                return await db.SaveChangesAsync();
            });

            _accounts[NoRole] = await App.CreateUserAsync();

            SampleUserId = (await App.CreateUserAsync(Roles.Official)).Id;
            // The evaluator's group covers 16R01 this year, so the evaluator may open its issue form.
            GroupId = await App.WithDbAsync(async db =>
            {
                var group = new ExpertGroup { Year = Year, Name = "Matrix group" };
                group.Members.Add(new ExpertGroupMember
                {
                    UserId = _accounts[Roles.Evaluator].Id, Organisation = "Test society", Expertise = ExpertiseKind.Professional,
                });
                group.Bases.Add(new ExpertGroupBase { BaseId = await db.Bases.Where(b => b.Code == "16R01").Select(b => b.Id).SingleAsync() });
                db.ExpertGroups.Add(group);
                await db.SaveChangesAsync();
                return group.Id;
            });
        }

        public Task<HttpClient> ClientForAsync(string role) => App.SignInAsync(_accounts[role].Email, _accounts[role].Password);

        public async Task DisposeAsync() => await App.DisposeAsync();
    }
}
