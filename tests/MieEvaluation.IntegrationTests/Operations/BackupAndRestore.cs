using System.Net;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.IntegrationTests.Figures;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.Operations;

public sealed class BackupAndRestore
{
    [Fact]
    public async Task RestoresABackupTakenWhileTheAppRunsWithTheSameData()
    {
        await using var app = new MieAppFactory();
        _ = app.CreateClient();
        await app.WithDbAsync(db => SeedPanel.BuildAsync(db));
        var admin = await app.SignInAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword);
        var expected = await app.WithDbAsync(async db => (await db.IndicatorValues.CountAsync(), await db.IndicatorValues.SumAsync(v => v.Value), await db.Users.CountAsync()));

        using var response = await admin.PostFormAsync("/admin/backup", "/admin/backup", []);
        var restored = TestPaths.NewDatabaseFile();
        Directory.CreateDirectory(Path.GetDirectoryName(restored)!);
        await File.WriteAllBytesAsync(restored, await response.Content.ReadAsByteArrayAsync());

        await using var restoredApp = new MieAppFactory(restored);
        _ = restoredApp.CreateClient();
        var actual = await restoredApp.WithDbAsync(async db => (await db.IndicatorValues.CountAsync(), await db.IndicatorValues.SumAsync(v => v.Value), await db.Users.CountAsync()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.sqlite3", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(expected, actual);
        Assert.True(expected.Item1 > 0);
        var signedIn = await restoredApp.SignInAsync(MieAppFactory.AdminEmail, MieAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync(new Uri("/bases", UriKind.Relative))).StatusCode);
    }
}
