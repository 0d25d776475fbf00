using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Groups;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.DataEntry;

/// <summary>
/// One app with an evaluator whose group covers 16R01–16R09 this year, a reviewer, an evaluator of another group,
/// last year's approved values for those bases, and this year's values of 8 peers (16R10–16R17) for the outlier rule.
/// Each test works on a base of its own.
/// </summary>
public sealed class DataEntryWorld : IAsyncLifetime
{
    public static readonly int Year = DateTime.UtcNow.Year;

    public MieAppFactory App { get; } = new();

    public HttpClient Evaluator { get; private set; } = null!;

    public HttpClient SecondEvaluator { get; private set; } = null!;

    public HttpClient Reviewer { get; private set; } = null!;

    public HttpClient Outsider { get; private set; } = null!;

    /// <summary>Last year's value of every indicator for the test bases.</summary>
    public const decimal LastYear = 100m;

    public async Task InitializeAsync()
    {
        _ = App.CreateClient();
        var evaluator = await App.CreateUserAsync(Roles.Evaluator);
        var second = await App.CreateUserAsync(Roles.Evaluator);
        var outsider = await App.CreateUserAsync(Roles.Evaluator);
        var reviewer = await App.CreateUserAsync(Roles.Reviewer);
        await App.WithDbAsync(async db =>
        {
            var bases = await db.Bases.Where(b => b.Code.StartsWith("16R")).ToDictionaryAsync(b => b.Code, b => b.Id);
            var indicators = await db.Indicators.ToListAsync();
            var group = new ExpertGroup { Name = "Form testers", Year = Year };
            group.Members.Add(new ExpertGroupMember { UserId = evaluator.Id, Organisation = "Society", Expertise = ExpertiseKind.Professional });
            group.Members.Add(new ExpertGroupMember { UserId = second.Id, Organisation = "Association", Expertise = ExpertiseKind.Operational });
            var other = new ExpertGroup { Name = "Elsewhere", Year = Year };
            other.Members.Add(new ExpertGroupMember { UserId = outsider.Id, Organisation = "Elsewhere", Expertise = ExpertiseKind.Professional });
            other.Bases.Add(new ExpertGroupBase { BaseId = bases["16R10"] });
            var now = DateTime.UtcNow;
            for (var i = 1; i <= 17; i++)
            {
                var code = $"16R{i:00}";
                var testBase = i <= 9;
                if (testBase)
                {
                    group.Bases.Add(new ExpertGroupBase { BaseId = bases[code] });
                }

                var submission = new Submission
                {
                    BaseId = bases[code], Year = testBase ? Year - 1 : Year, Status = SubmissionStatus.Approved, CreatedAtUtc = now, UpdatedAtUtc = now,
                };
                foreach (var indicator in indicators)
                {
                    // Peers spread around 100 (median 100, MAD 4), so 121 and above is an outlier this year.
                    var value = testBase ? LastYear : 92m + (2m * (i - 10)) + (i % 2 == 0 ? 2m : 0m);
                    submission.Values.Add(new IndicatorValue { IndicatorId = indicator.Id, Value = value });
                }

                db.Submissions.Add(submission);
            }

            db.ExpertGroups.AddRange(group, other);
            return await db.SaveChangesAsync();
        });

        Evaluator = await App.SignInAsync(evaluator.Email, evaluator.Password, "en");
        SecondEvaluator = await App.SignInAsync(second.Email, second.Password, "en");
        Reviewer = await App.SignInAsync(reviewer.Email, reviewer.Password, "en");
        Outsider = await App.SignInAsync(outsider.Email, outsider.Password, "en");
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    public static string FormUrl(string code) => $"/entry/{code}/{Year}";

    /// <summary>Every indicator at last year's value (no warning), with the overrides given.</summary>
    public async Task<Dictionary<string, string>> FieldsAsync(string command, Dictionary<string, string>? values = null, Dictionary<string, string>? comments = null)
    {
        var codes = await App.WithDbAsync(db => db.Indicators.Select(i => i.Code).ToListAsync());
        var fields = new Dictionary<string, string> { ["Command"] = command };
        foreach (var code in codes)
        {
            fields[$"Values[{code}]"] = values?.GetValueOrDefault(code) ?? "100";
            fields[$"Comments[{code}]"] = comments?.GetValueOrDefault(code) ?? "";
        }

        return fields;
    }

    /// <summary>Loads the form (for its version and token) and posts the fields to it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string code, Dictionary<string, string> fields, string? suffix = null)
    {
        var page = await client.GetDocumentAsync(FormUrl(code));
        return await PostWithPageAsync(client, page, code, fields, suffix);
    }

    public static async Task<HttpResponseMessage> PostWithPageAsync(HttpClient client, IDocument page, string code, Dictionary<string, string> fields, string? suffix = null)
    {
        var all = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = page.AntiforgeryToken(),
        };
        var version = page.QuerySelector(suffix is null ? "input[name=Version]" : "input[name=version]")?.GetAttribute("value");
        all[suffix is null ? "Version" : "version"] = version ?? "";
        using var form = new FormUrlEncodedContent(all);
        return await client.PostAsync(new Uri(FormUrl(code) + suffix, UriKind.Relative), form);
    }

    /// <summary>The reviewer approves every form of the list page as it was shown (its hidden ids and versions).</summary>
    public async Task<HttpResponseMessage> ApproveAllAsListedAsync(IDocument list)
    {
        var fields = list.QuerySelectorAll("#submitted input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!))
            .Append(new("year", Year.ToString(CultureInfo.InvariantCulture)))
            .Append(new("__RequestVerificationToken", list.AntiforgeryToken()));
        using var form = new FormUrlEncodedContent(fields);
        return await Reviewer.PostAsync(new Uri("/review/approve-all", UriKind.Relative), form);
    }

    public Task<SubmissionStatus?> StatusAsync(string code) => App.WithDbAsync(db => db.Submissions
        .Where(s => s.Base.Code == code && s.Year == Year).Select(s => (SubmissionStatus?)s.Status).SingleOrDefaultAsync());

    public Task<decimal?> StoredAsync(string code, string indicator) => App.WithDbAsync(db => db.IndicatorValues
        .Where(v => v.Submission.Base.Code == code && v.Submission.Year == Year && v.Indicator.Code == indicator)
        .Select(v => (decimal?)v.Value).SingleOrDefaultAsync());

    public Task<int> BaseIdAsync(string code) => App.WithDbAsync(db => db.Bases.Where(b => b.Code == code).Select(b => b.Id).SingleAsync());

    public static string Text(HttpResponseMessage response) => WebUtility.HtmlDecode(response.Content.ReadAsStringAsync().GetAwaiter().GetResult());

    public static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
