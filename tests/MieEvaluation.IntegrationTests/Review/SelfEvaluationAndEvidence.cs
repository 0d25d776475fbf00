using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.Review;

/// <summary>
/// The base contact writes the base's self-evaluation while the stage is open — drafts, then a submission that needs
/// every section and is final — attaches evidence that is checked by its bytes and limited in size and count, and sees
/// nothing of other bases; the base's experts read it once submitted, never the draft; the files are only downloaded.
/// </summary>
public sealed class SelfEvaluationAndEvidence : IAsyncLifetime
{
    private ProcedureWorld _world = null!;
    private const string Page = "/bases/16R01/self-evaluation/2025";

    public async Task InitializeAsync() => _world = await ProcedureWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static Dictionary<string, string> Sections(string basic, string achievements, string problems, string next, string command, int version) => new()
    {
        ["BasicSituation"] = basic, ["Achievements"] = achievements, ["Problems"] = problems, ["NextSteps"] = next, ["Command"] = command,
        ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task TheContactSavesADraftSubmitsWhenEverySectionIsWrittenAndThenCannotChangeIt()
    {
        var contact = await _world.ContactAsync("zh-CN");
        var expert = await _world.ExpertAsync(0);

        using var draft = await contact.PostFormAsync(Page, Page, Sections("孵化面积 3 万平方米", "", "", "", "save", 0));
        using var expertSeesDraft = await expert.GetAsync(new Uri(Page, UriKind.Relative));
        var draftText = await expertSeesDraft.Content.ReadAsStringAsync();
        using var incomplete = await contact.PostFormAsync(Page, Page, Sections("孵化面积 3 万平方米", "新增企业 120 家", "", "", "submit", 1));
        var incompletePage = await Html.ParseAsync(await incomplete.Content.ReadAsStringAsync());
        using var submitted = await contact.PostFormAsync(Page, Page, Sections("孵化面积 3 万平方米", "新增企业 120 家", "融资渠道单一", "建设共享实验室", "submit", 1));
        using var again = await contact.PostFormAsync(Page, Page, Sections("改写", "改写", "改写", "改写", "save", 2));
        var stored = await _world.App.WithDbAsync(db => db.SelfEvaluations.SingleAsync());
        using var expertReads = await expert.GetAsync(new Uri(Page, UriKind.Relative));
        var readPage = await Html.ParseAsync(await expertReads.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        // Before the submission an expert of the base's group sees that it is not submitted, not the draft's text.
        Assert.Equal(HttpStatusCode.OK, expertSeesDraft.StatusCode);
        Assert.DoesNotContain("孵化面积", draftText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("“存在问题”尚未填写：提交前须填写所有部分。", incompletePage.QuerySelector("[data-form-errors]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("“下一步工作”尚未填写", incompletePage.QuerySelector("[data-form-errors]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(("融资渠道单一", _world.Contact.Email, 2), (stored.Problems, stored.SubmittedBy, stored.Version));
        Assert.Equal("建设共享实验室", readPage.QuerySelector("[data-section=NextSteps]")!.TextContent.Replace("Next steps", "", StringComparison.Ordinal).Trim());
    }

    [Fact]
    public async Task NothingIsWrittenOutsideTheStageOrFromAPageThatReadAnOlderVersion()
    {
        var contact = await _world.ContactAsync();
        using var first = await contact.PostFormAsync(Page, Page, Sections("A", "", "", "", "save", 0));
        // A second tab still holds version 0.
        using var stale = await contact.PostFormAsync(Page, Page, Sections("B", "", "", "", "save", 0));
        _world.Clock.Now = ProcedureWorld.InExpertReview;
        var later = await _world.ContactAsync();
        using var late = await later.PostFormAsync("/bases/16R01", Page, Sections("C", "", "", "", "save", 1));
        var text = await late.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("The self-evaluation is not open (it opens 2026-01-05 and closes 2026-01-31)", text, StringComparison.Ordinal);
        Assert.Equal("A", await _world.App.WithDbAsync(db => db.SelfEvaluations.Select(e => e.BasicSituation).SingleAsync()));
    }

    [Fact]
    public async Task TheContactSeesItsOwnBaseOnlyAndCannotWriteAnothers()
    {
        var contact = await _world.ContactAsync();

        using var own = await contact.GetAsync(new Uri("/bases/16R01", UriKind.Relative));
        using var other = await contact.GetAsync(new Uri("/bases/16R02", UriKind.Relative));
        using var otherEvaluation = await contact.GetAsync(new Uri("/bases/16R02/self-evaluation/2025", UriKind.Relative));
        using var otherIssues = await contact.GetAsync(new Uri("/bases/16R02/issues", UriKind.Relative));
        using var registry = await contact.GetAsync(new Uri("/bases", UriKind.Relative));
        using var dashboard = await contact.GetAsync(new Uri("/dashboard", UriKind.Relative));
        using var otherReport = await contact.GetAsync(new Uri("/reports/bases/16R02.xlsx", UriKind.Relative));
        using var write = await contact.PostFormAsync(Page, "/bases/16R02/self-evaluation/2025", Sections("x", "", "", "", "save", 0));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.All(new[] { other, otherEvaluation, otherIssues, registry, dashboard, otherReport, write }, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(0, await _world.App.WithDbAsync(db => db.SelfEvaluations.CountAsync()));
    }

    [Fact]
    public async Task EvidenceIsCheckedByItsBytesAndOnlyEverDownloaded()
    {
        var contact = await _world.ContactAsync("zh-CN");
        var pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

        using var added = await ProcedureWorld.UploadAsync(contact, Page, Page + "/evidence", "年度总结.pdf", pdf, "application/pdf");
        using var html = await ProcedureWorld.UploadAsync(contact, Page, Page + "/evidence", "report.pdf", "<html><script>alert(1)</script></html>"u8.ToArray(), "application/pdf");
        var htmlPage = await html.Content.ReadAsStringAsync();
        using var docx = await ProcedureWorld.UploadAsync(contact, Page, Page + "/evidence", "说明.docx", Package("word/document.xml"), "application/octet-stream");
        using var xlsx = await ProcedureWorld.UploadAsync(contact, Page, Page + "/evidence", "表格.docx", Package("xl/workbook.xml"), "application/octet-stream");
        using var png = await ProcedureWorld.UploadAsync(contact, Page, Page + "/evidence", "photo.jpg", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "image/jpeg");
        var tooBig = new byte[(10 * 1024 * 1024) + 1];
        "%PDF-"u8.CopyTo(tooBig);
        using var big = await ProcedureWorld.UploadAsync(contact, Page, Page + "/evidence", "big.pdf", tooBig, "application/pdf");
        var bigPage = await big.Content.ReadAsStringAsync();
        using var twice = await ProcedureWorld.UploadAsync(contact, Page, Page + "/evidence", "again.pdf", pdf, "application/pdf");
        var files = await _world.App.WithDbAsync(db => db.Evidence.OrderBy(e => e.Id).Select(e => new { e.Id, e.FileName, e.Kind }).ToListAsync());
        using var download = await contact.GetAsync(new Uri($"/evidence/{files[0].Id}", UriKind.Relative));
        var bytes = await download.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, html.StatusCode);
        Assert.Contains("按文件内容判断，“report.pdf”不是 PDF、Word（.docx）、PNG 或 JPEG 文件：未上传。", htmlPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, docx.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, xlsx.StatusCode);
        // A PNG named .jpg is kept as what its bytes are.
        Assert.Equal(HttpStatusCode.Redirect, png.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, big.StatusCode);
        Assert.Contains("文件超过 10 MB：未上传。", bigPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal([("年度总结.pdf", "Pdf"), ("说明.docx", "Docx"), ("photo.png", "Png")], files.Select(f => (f.FileName, f.Kind.ToString())));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("sandbox", download.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(pdf, bytes);
    }

    [Fact]
    public async Task AtMostTenFilesAndADraftsFilesAreTheContactsAlone()
    {
        var contact = await _world.ContactAsync();
        for (var i = 0; i < 10; i++)
        {
            using var ok = await ProcedureWorld.UploadAsync(contact, Page, Page + "/evidence", $"f{i}.pdf", System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4 file {i}"), "application/pdf");
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        using var eleventh = await ProcedureWorld.UploadAsync(contact, Page, Page + "/evidence", "f10.pdf", "%PDF-1.4 file 10"u8.ToArray(), "application/pdf");
        var id = await _world.App.WithDbAsync(db => db.Evidence.Select(e => e.Id).FirstAsync());
        var expert = await _world.ExpertAsync(0);
        var outsider = await _world.ExpertAsync(3);
        using var expertBeforeSubmission = await expert.GetAsync(new Uri($"/evidence/{id}", UriKind.Relative));
        using var submit = await contact.PostFormAsync(Page, Page, Sections("a", "b", "c", "d", "submit", 1));
        using var expertAfterSubmission = await expert.GetAsync(new Uri($"/evidence/{id}", UriKind.Relative));
        using var otherGroup = await outsider.GetAsync(new Uri($"/evidence/{id}", UriKind.Relative));
        using var removeAfterSubmission = await contact.PostFormAsync(Page, $"{Page}/evidence/{id}/remove", []);

        Assert.Equal(HttpStatusCode.BadRequest, eleventh.StatusCode);
        Assert.Contains("At most 10 files can be attached", await eleventh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, expertBeforeSubmission.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, expertAfterSubmission.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherGroup.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, removeAfterSubmission.StatusCode);
        Assert.Equal(10, await _world.App.WithDbAsync(db => db.Evidence.CountAsync()));
        // The trail: ten files attached, then the submission, each with who did it.
        var trail = await _world.App.WithDbAsync(db => db.ReviewEvents.OrderBy(e => e.Id).Select(e => new { e.Kind, e.By, e.Detail }).ToListAsync());
        Assert.Equal([.. Enumerable.Repeat("EvidenceAdded", 10), "SelfEvaluationSubmitted"], trail.Select(e => e.Kind.ToString()));
        Assert.All(trail, e => Assert.Equal(_world.Contact.Email, e.By));
        Assert.Equal("f0.pdf", trail[0].Detail);
    }

    /// <summary>A ZIP package holding <paramref name="entry"/> and a content-types part, as Office writes them.</summary>
    private static byte[] Package(string entry)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", entry })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<?xml version=\"1.0\"?><x/>");
            }
        }

        return memory.ToArray();
    }
}
