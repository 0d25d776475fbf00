using Microsoft.EntityFrameworkCore;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.Foundation;

public sealed class SeedingBehaviour
{
    [Fact]
    public async Task SeedsTheReferenceDataFromTheShippedFiles()
    {
        await using var app = new MieAppFactory();
        _ = app.CreateClient();

        var counts = await app.WithDbAsync(async db => new
        {
            Provinces = await db.Provinces.CountAsync(),
            Bases = await db.Bases.CountAsync(),
            Indicators = await db.Indicators.CountAsync(),
            Categories = await db.IssueCategories.CountAsync(),
            Batch2016 = await db.Bases.CountAsync(b => b.BatchYear == 2016),
        });

        Assert.Equal(31, counts.Provinces);
        Assert.Equal(56, counts.Bases);
        Assert.Equal(12, counts.Indicators);
        Assert.Equal(7, counts.Categories);
        Assert.Equal(28, counts.Batch2016);
    }

    [Fact]
    public async Task KeepsUserChangesAndAddsNothingTwiceGivenARestart()
    {
        var path = TestPaths.NewDatabaseFile();
        await using (var first = new MieAppFactory(path))
        {
            _ = first.CreateClient();
            await first.WithDbAsync(async db =>
            {
                var haidian = await db.Bases.SingleAsync(b => b.Code == "16R01");
                haidian.NameEn = "Haidian District (renamed by an administrator)";
                var patents = await db.Indicators.SingleAsync(i => i.Code == "patents_granted");
                patents.IsActive = false;
                return await db.SaveChangesAsync();
            });
        }

        await using var second = new MieAppFactory(path);
        _ = second.CreateClient();
        var state = await second.WithDbAsync(async db => new
        {
            Bases = await db.Bases.CountAsync(),
            Indicators = await db.Indicators.CountAsync(),
            Name = await db.Bases.Where(b => b.Code == "16R01").Select(b => b.NameEn).SingleAsync(),
            PatentsActive = await db.Indicators.Where(i => i.Code == "patents_granted").Select(i => i.IsActive).SingleAsync(),
        });

        Assert.Equal(56, state.Bases);
        Assert.Equal(12, state.Indicators);
        Assert.Equal("Haidian District (renamed by an administrator)", state.Name);
        Assert.False(state.PatentsActive);
    }
}
