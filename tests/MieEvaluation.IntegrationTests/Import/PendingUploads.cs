using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;
using static MieEvaluation.IntegrationTests.Import.ImportClient;

namespace MieEvaluation.IntegrationTests.Import;

/// <summary>
/// Previews waiting for their confirmation, in the database: bound to their owner, expiring, capped per user, and
/// removed once confirmed or expired.
/// </summary>
public sealed class PendingUploads
{
    private static readonly byte[] File = Utf8("base_code,year,indicator_code,value\n16R01,2020,patents_granted,12\n");

    [Fact]
    public async Task LetsOnlyTheOwnerConfirmAndRemovesThePreviewOnceConfirmed()
    {
        await using var app = new MieAppFactory();
        var owner = await app.SignedInClientAsync(Roles.Reviewer);
        var other = await app.SignedInClientAsync(Roles.Reviewer);
        other.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var (_, preview) = await UploadAsync(owner, File);
        var token = preview.QuerySelector("input[name=token]")!.GetAttribute("value")!;
        var othersPage = await other.GetDocumentAsync("/import");
        using var stolen = await other.PostAsync(new Uri("/import/confirm", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token, ["__RequestVerificationToken"] = othersPage.AntiforgeryToken(),
        }));
        var pendingAfterStolen = await app.WithDbAsync(db => db.PendingUploads.CountAsync());
        using var confirmed = await ConfirmAsync(owner, preview);

        Assert.Contains("no longer available", await stolen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, pendingAfterStolen);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.PendingUploads.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.IndicatorValues.CountAsync(v => v.Value == 12m)));
    }

    [Fact]
    public async Task KeepsTheNewestThreePreviewsOfAUser()
    {
        await using var app = new MieAppFactory();
        var reviewer = await app.SignedInClientAsync(Roles.Reviewer);

        var (_, first) = await UploadAsync(reviewer, File);
        for (var i = 0; i < 3; i++)
        {
            await UploadAsync(reviewer, File);
        }

        using var tooOld = await ConfirmAsync(reviewer, first);

        Assert.Equal(3, await app.WithDbAsync(db => db.PendingUploads.CountAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, tooOld.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.IndicatorValues.CountAsync()));
    }

    [Fact]
    public async Task RefusesAnExpiredPreviewAndRemovesIt()
    {
        var clock = new FixedClock(DateTimeOffset.UtcNow);
        await using var app = new MieAppFactory().WithServices(s => s.AddSingleton<TimeProvider>(clock));
        var reviewer = await app.SignedInClientAsync(Roles.Reviewer);
        reviewer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var (_, preview) = await UploadAsync(reviewer, File);
        clock.Now += new MieEvaluation.Web.Services.Import.ImportOptions().PendingLifetime + TimeSpan.FromMinutes(1);
        using var late = await ConfirmAsync(reviewer, preview);
        using var scope = app.Services.CreateScope();
        var removed = await scope.ServiceProvider.GetRequiredService<MieEvaluation.Web.Services.Import.UploadStore>().RemoveExpiredAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Equal(1, removed);
        Assert.Equal(0, await app.WithDbAsync(db => db.IndicatorValues.CountAsync()));
    }
}
