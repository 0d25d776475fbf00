using System.Data.Common;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MieEvaluation.IntegrationTests.DataEntry;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Data;

namespace MieEvaluation.IntegrationTests.Gate;

/// <summary>Injects one failure into the app's database work: a transient one at commit, or a save the database refuses.</summary>
public sealed class DatabaseFaults : DbTransactionInterceptor, ISaveChangesInterceptor
{
    public bool FailNextCommit { get; set; }

    public bool FailNextSave { get; set; }

    public int CommitsFailed { get; private set; }

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (FailNextCommit)
        {
            FailNextCommit = false;
            CommitsFailed++;
            throw new SqliteException("database is locked", 5); // SQLITE_BUSY: what another writer holding the file causes
        }

        return base.TransactionCommittingAsync(transaction, eventData, result, cancellationToken);
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (FailNextSave && eventData.Context!.ChangeTracker.Entries<Domain.Evaluation.IndicatorValue>().Any())
        {
            FailNextSave = false;
            throw new DbUpdateException("disk I/O error", new SqliteException("disk I/O error", 10));
        }

        return ValueTask.FromResult(result);
    }
}

public sealed class WritesUnderFailures : IClassFixture<WritesUnderFailures.World>
{
    public sealed class World : IAsyncLifetime
    {
        public DatabaseFaults Faults { get; } = new();

        public DataEntryWorld Entry { get; } = new();

        public Task InitializeAsync()
        {
            Entry.App.WithServices(services => services.ConfigureDbContext<SqliteMieDbContext>(o => o.AddInterceptors(Faults)));
            return Entry.InitializeAsync();
        }

        public Task DisposeAsync() => Entry.DisposeAsync();
    }

    private readonly World _world;

    public WritesUnderFailures(World world) => _world = world;

    [Fact]
    public async Task ARetriedSaveAfterAFailedCommitStoresTheEdit()
    {
        var entry = _world.Entry;
        var page = await entry.Evaluator.GetDocumentAsync(DataEntryWorld.FormUrl("16R01"));
        _world.Faults.FailNextCommit = true;

        using var saved = await DataEntryWorld.PostWithPageAsync(entry.Evaluator, page, "16R01", await entry.FieldsAsync("save", new() { ["patents_granted"] = "107" }));

        Assert.Equal(1, _world.Faults.CommitsFailed);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(107m, await entry.StoredAsync("16R01", "patents_granted"));
        var baseId = await entry.BaseIdAsync("16R01");
        Assert.Equal(1, await entry.App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.BaseId == baseId && a.NewValue == 107m)));
        var series = await entry.App.WithDbAsync(db => db.BaseSeries.Where(s => s.BaseId == baseId).Select(s => s.Data).SingleAsync());
        var reader = Web.Data.Series.SeriesPacking.Read(series);
        var found = false;
        while (reader.Next(out var value))
        {
            found |= value.Year == DataEntryWorld.Year && value.Value == 107m;
        }

        Assert.True(found, "the packed series holds the retried edit");
    }

    [Fact]
    public async Task AFailedSaveThatIsNoConflictSaysSoAndStoresNothing()
    {
        var entry = _world.Entry;
        var page = await entry.Evaluator.GetDocumentAsync(DataEntryWorld.FormUrl("16R02"));
        _world.Faults.FailNextSave = true;

        using var failed = await DataEntryWorld.PostWithPageAsync(entry.Evaluator, page, "16R02", await entry.FieldsAsync("save", new() { ["patents_granted"] = "108" }));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Contains("could not store the change", DataEntryWorld.Text(failed), StringComparison.Ordinal);
        Assert.DoesNotContain("someone else", DataEntryWorld.Text(failed), StringComparison.OrdinalIgnoreCase);
        Assert.Null(await entry.StoredAsync("16R02", "patents_granted"));
    }
}
