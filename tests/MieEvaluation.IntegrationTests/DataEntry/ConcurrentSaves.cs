using System.Net;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.DataEntry;

/// <summary>Twenty saves of the same form version at once: one wins, the others see the conflict, nothing is lost or doubled.</summary>
public sealed class ConcurrentSaves : IClassFixture<DataEntryWorld>
{
    private readonly DataEntryWorld _world;

    public ConcurrentSaves(DataEntryWorld world) => _world = world;

    [Fact]
    public async Task ExactlyOneOfTwentyParallelSavesOfTheSameVersionSucceeds()
    {
        using var first = await DataEntryWorld.PostFormAsync(_world.Evaluator, "16R09", await _world.FieldsAsync("save"));
        var page = await _world.Evaluator.GetDocumentAsync(DataEntryWorld.FormUrl("16R09"));
        var baseId = await _world.BaseIdAsync("16R09");
        var auditBefore = await _world.App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.BaseId == baseId));

        var saves = Enumerable.Range(0, 20).Select(async i =>
        {
            var fields = await _world.FieldsAsync("save", new() { ["patents_granted"] = (200 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) });
            using var response = await DataEntryWorld.PostWithPageAsync(_world.Evaluator, page, "16R09", fields);
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(saves);

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(19, statuses.Count(s => s == HttpStatusCode.Conflict));
        var audit = await _world.App.WithDbAsync(db => db.AuditEntries.Where(a => a.BaseId == baseId).OrderBy(a => a.Id).Skip(auditBefore).ToListAsync());
        var change = Assert.Single(audit);
        Assert.Equal(change.NewValue, await _world.StoredAsync("16R09", "patents_granted"));
    }
}
