using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.Languages;

/// <summary>
/// Every page each role can reach by its links, in zh-CN and in en, read as a user reads it: text, tooltips, labels,
/// placeholders, button captions and the browser-side validation messages. Data (base and account names, e-mail
/// addresses, group names, issue texts, comments) is set aside; every other word must be in the page's language.
/// </summary>
public sealed partial class PageLanguageSweep(PageLanguageSweep.Demo demo, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<PageLanguageSweep.Demo>
{
    /// <summary>
    /// Technical names that stay as they are in both languages: file formats and their programs, the API, the statistical N and the AHP
    /// consistency ratio CR (written so in Chinese texts on AHP too).
    /// </summary>
    private static readonly HashSet<string> SameInBothLanguages = ["CSV", "Excel", "Word", "PDF", "xlsx", "csv", "API", "UTF", "JSON", "OpenAPI", "pandas", "HTTP", "HTTPS", "PNG", "GB", "CR", "JPEG", "MB", "docx"];

    private static readonly string[] Accounts =
        ["admin@demo.mie", "evaluator.west@demo.mie", "reviewer@demo.mie", "official@demo.mie", "analyst@demo.mie", "contact.16r01@demo.mie"];

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task ShowsEveryWordOfEveryRolesPagesInTheReadersLanguage(string language)
    {
        var data = await demo.DataTextsAsync();
        var findings = new List<string>();
        var visited = 0;
        foreach (var account in Accounts)
        {
            var client = await demo.Site.SignInAsync(account, language);
            foreach (var (url, page) in await CrawlAsync(client, findings))
            {
                visited++;
                output.WriteLine($"{account} {url}");
                findings.AddRange(ForeignWords(page, language, data).Select(word => $"{url} ({account}): {word}"));
            }
        }

        var anonymous = demo.Site.App.CreateClient();
        anonymous.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        findings.AddRange(ForeignWords(await anonymous.GetDocumentAsync("/account/login"), language, data).Select(w => $"/account/login (anonymous): {w}"));

        Assert.True(visited > 60, $"only {visited} pages reached");
        Assert.True(findings.Count == 0, string.Join('\n', findings.DistinctBy(f => f.Contains(')', StringComparison.Ordinal) ? f[f.IndexOf(')', StringComparison.Ordinal)..] : f).Take(100)));
    }

    /// <summary>
    /// The pages reachable from the home page by links, one per route shape (a base's form stands for every form), so
    /// that the sweep follows the navigation a user has instead of a list that could forget a page.
    /// </summary>
    private static async Task<List<(string Url, IDocument Page)>> CrawlAsync(HttpClient client, List<string> findings)
    {
        var pages = new List<(string, IDocument)>();
        var seen = new HashSet<string>();
        // Besides the links: a page that does not exist and one the role may not open (the error pages).
        var queue = new Queue<string>(["/", "/no-such-page", "/admin/users"]);
        while (queue.Count > 0 && pages.Count < 120)
        {
            var url = queue.Dequeue();
            if (!seen.Add(Shape(url)))
            {
                continue;
            }

            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if ((int)response.StatusCode >= 500)
            {
                findings.Add($"{url} answered {(int)response.StatusCode}");
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html" || response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found)
            {
                continue;
            }

            var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
            pages.Add((url, page));
            foreach (var href in page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && IsPage(href))
                {
                    queue.Enqueue(href.Split('#')[0]);
                }
            }
        }

        return pages;
    }

    private static bool IsPage(string href) =>
        !href.StartsWith("/export/", StringComparison.Ordinal) && !href.StartsWith("/reports/", StringComparison.Ordinal) && !href.StartsWith("/api/", StringComparison.Ordinal)
        && !href.StartsWith("/import/template", StringComparison.Ordinal) && !href.Contains("/download", StringComparison.Ordinal)
        && !href.StartsWith("/lib/", StringComparison.Ordinal) && !href.StartsWith("/health", StringComparison.Ordinal);

    /// <summary>A URL's route shape: numbers, base codes and account ids replaced, query values dropped.</summary>
    private static string Shape(string url)
    {
        var parts = url.Split('?', 2);
        var path = string.Join('/', parts[0].Split('/').Select(s => NumberOrCode().IsMatch(s) ? "{}" : s));
        var query = parts.Length > 1 ? string.Join('&', parts[1].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal)) : "";
        return $"{path}?{query}";
    }

    /// <summary>The words of the page's interface that are not in <paramref name="language"/>.</summary>
    private static IEnumerable<string> ForeignWords(IDocument page, string language, IReadOnlyList<string> data)
    {
        var chinese = language.StartsWith("zh", StringComparison.Ordinal);
        foreach (var text in InterfaceTexts(page, language))
        {
            var rest = data.Aggregate(text, (current, datum) => current.Replace(datum, " ", StringComparison.Ordinal));
            var foreign = chinese
                ? LatinWord().Matches(rest).Select(m => m.Value).Where(w => !SameInBothLanguages.Contains(w))
                : HanText().Matches(rest).Select(m => m.Value);
            foreach (var word in foreign)
            {
                yield return $"\"{word}\" in \"{text.Trim()[..Math.Min(text.Trim().Length, 120)]}\"";
            }
        }
    }

    /// <summary>What a reader sees or hears of the page: text, title, labels, tooltips, placeholders, captions, validation messages.</summary>
    private static IEnumerable<string> InterfaceTexts(IDocument page, string language)
    {
        yield return page.Title ?? "";
        foreach (var element in page.Body!.QuerySelectorAll("*").Prepend(page.Body))
        {
            if (element.Closest("script, style, code, [translate=no]") is not null
                || element.Closest("[lang]")?.GetAttribute("lang")?.StartsWith(language[..2], StringComparison.Ordinal) == false)
            {
                continue;
            }

            foreach (var text in element.ChildNodes.OfType<IText>())
            {
                yield return text.Data;
            }

            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name is "title" or "placeholder" or "aria-label" or "alt" || attribute.Name.StartsWith("data-msg-", StringComparison.Ordinal)
                    || attribute.Name.StartsWith("data-val", StringComparison.Ordinal))
                {
                    yield return attribute.Value;
                }
            }

            if (element is IHtmlInputElement { Type: "submit" or "button" } input)
            {
                yield return input.Value;
            }
        }
    }

    [GeneratedRegex(@"^(\d+|\d{2}[A-Z]\d{2}|[0-9a-f]{8}-[0-9a-f-]{27})$")]
    private static partial Regex NumberOrCode();

    [GeneratedRegex(@"[A-Za-z]{2,}")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\u3000-\u303F\uFF01-\uFF5E]+")]
    private static partial Regex HanText();

    /// <summary>One demo app for both languages: generating its data takes seconds.</summary>
    public sealed class Demo : IAsyncLifetime
    {
        private List<string>? _data;

        public DemoApp Site { get; private set; } = null!;

        public Task InitializeAsync()
        {
            Site = DemoApp.Start();
            return Task.CompletedTask;
        }

        /// <summary>Every text the database holds as data, longest first (so that a name is removed before a part of it).</summary>
        public async Task<IReadOnlyList<string>> DataTextsAsync() => _data ??= await Site.App.WithDbAsync(async db =>
        {
            var texts = new List<string>();
            texts.AddRange(await db.Bases.Select(b => b.NameZh).ToListAsync());
            texts.AddRange(await db.Bases.Select(b => b.NameEn).ToListAsync());
            texts.AddRange(await db.Users.Select(u => u.DisplayName).ToListAsync());
            texts.AddRange((await db.Users.Select(u => u.Email).ToListAsync()).OfType<string>());
            texts.AddRange(await db.ExpertGroups.Select(g => g.Name).ToListAsync());
            texts.AddRange(await db.ExpertGroupMembers.Select(m => m.Organisation).ToListAsync());
            texts.AddRange(await db.IssueReports.Select(i => i.Text).ToListAsync());
            texts.AddRange((await db.IndicatorValues.Where(v => v.Comment != null).Select(v => v.Comment).Distinct().ToListAsync()).OfType<string>());
            texts.AddRange((await db.AuditEntries.Where(a => a.Comment != null).Select(a => a.Comment).Distinct().ToListAsync()).OfType<string>());
            return texts.Where(t => t.Length > 0).Distinct().OrderByDescending(t => t.Length).ToList();
        });

        public async Task DisposeAsync() => await Site.DisposeAsync();
    }
}
