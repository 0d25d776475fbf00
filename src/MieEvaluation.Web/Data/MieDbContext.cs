using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Groups;
using MieEvaluation.Domain.Issues;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Data.Series;
using MieEvaluation.Web.Security;

namespace MieEvaluation.Web.Data;

/// <summary>
/// The one data model of the system. Each database provider has a subclass only so that it can carry its own
/// migrations (docs/decisions/0001-database-providers-and-migrations.md); the model itself is shared. Identity's
/// tables and the data-protection keys (shared by every app instance) live in the same database.
/// </summary>
public abstract class MieDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<DatabaseMarker> DatabaseMarkers => Set<DatabaseMarker>();

    public DbSet<DataVersion> DataVersions => Set<DataVersion>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<ExpertGroup> ExpertGroups => Set<ExpertGroup>();

    public DbSet<ExpertGroupMember> ExpertGroupMembers => Set<ExpertGroupMember>();

    public DbSet<ExpertGroupBase> ExpertGroupBases => Set<ExpertGroupBase>();

    public DbSet<Province> Provinces => Set<Province>();

    public DbSet<DemonstrationBase> Bases => Set<DemonstrationBase>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<Submission> Submissions => Set<Submission>();

    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();

    public DbSet<IssueCategory> IssueCategories => Set<IssueCategory>();

    public DbSet<IssueReport> IssueReports => Set<IssueReport>();

    public DbSet<BaseSeries> BaseSeries => Set<BaseSeries>();

    public DbSet<PendingUpload> PendingUploads => Set<PendingUpload>();

    public DbSet<AccountAuditEntry> AccountAuditEntries => Set<AccountAuditEntry>();

    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();

    public DbSet<Domain.Scoring.SchemeVersion> SchemeVersions => Set<Domain.Scoring.SchemeVersion>();

    public DbSet<Domain.Scoring.ResultPublication> ResultPublications => Set<Domain.Scoring.ResultPublication>();

    public DbSet<Domain.Review.ReviewRound> ReviewRounds => Set<Domain.Review.ReviewRound>();

    public DbSet<Domain.Review.RecordedExpertScore> ExpertScores => Set<Domain.Review.RecordedExpertScore>();

    public DbSet<Domain.Review.ExpertScoreChange> ExpertScoreChanges => Set<Domain.Review.ExpertScoreChange>();

    public DbSet<Domain.Review.ExpertConflict> ExpertConflicts => Set<Domain.Review.ExpertConflict>();

    public DbSet<Domain.Review.CrossReviewAssignment> CrossReviewAssignments => Set<Domain.Review.CrossReviewAssignment>();

    public DbSet<Domain.Review.SelfEvaluation> SelfEvaluations => Set<Domain.Review.SelfEvaluation>();

    public DbSet<Domain.Review.SiteVisit> SiteVisits => Set<Domain.Review.SiteVisit>();

    public DbSet<Domain.Review.Evidence> Evidence => Set<Domain.Review.Evidence>();

    public DbSet<Domain.Review.ReviewEvent> ReviewEvents => Set<Domain.Review.ReviewEvent>();

    /// <remarks>
    /// Synchronous saves come only from framework stores (data-protection keys, which touch no values); one that does
    /// write values still gets its series rebuilt, by blocking on the same code as the asynchronous save.
    /// </remarks>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves, and when values or forms changed refreshes the <see cref="DerivedData"/> (their bases' packed series, the
    /// data version) in the same transaction (the caller's, or one opened here), so the figures never see values without
    /// their series. Writes of forms run through <see cref="Services.Forms.FormWritePipeline"/>, which retries by
    /// re-applying the change on a cleared tracker.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        await CopyGroupYearsAsync(cancellationToken);
        if (BaseSeriesMaintenance.Capture(ChangeTracker) is not { } change)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            return await SaveWithSeriesAsync(change, acceptAllChangesOnSuccess, cancellationToken);
        }

        // A retrying execution strategy (SQL Server) allows a transaction of our own only inside the strategy.
        return await Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await Database.BeginTransactionAsync(token);
            var written = await SaveWithSeriesAsync(change, acceptAllChangesOnSuccess, token);
            await transaction.CommitAsync(token);
            return written;
        }, cancellationToken);
    }

    /// <summary>Saves the series rows themselves, past the series bookkeeping of <see cref="SaveChangesAsync(bool, CancellationToken)"/>.</summary>
    internal Task<int> SaveSeriesAsync(CancellationToken cancellationToken) => base.SaveChangesAsync(true, cancellationToken);

    private async Task<int> SaveWithSeriesAsync(PendingSeriesChange change, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await DerivedData.RefreshAsync(this, await change.BaseIdsAsync(this, cancellationToken), cancellationToken);
        return written;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MieDbContext).Assembly);
    }

    /// <summary>
    /// A new assignment of a base to a group carries the group's year, on which the database's unique index (one group
    /// per base and year) works: taken from the group here, whoever added the assignment.
    /// </summary>
    private async Task CopyGroupYearsAsync(CancellationToken cancellationToken)
    {
        var added = ChangeTracker.Entries<ExpertGroupBase>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0)
        {
            return;
        }

        // Groups not loaded with the assignment: their years in one query, however many bases are assigned.
        var unloaded = added.Where(a => a.Group is null).Select(a => a.GroupId).Distinct().ToList();
        var years = unloaded.Count == 0
            ? []
            : await ExpertGroups.Where(g => unloaded.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Year, cancellationToken);
        foreach (var assignment in added)
        {
            assignment.Year = assignment.Group?.Year ?? years[assignment.GroupId];
        }
    }

    /// <summary>The audit trail is append-only: an update or delete of an entry is a bug, never a feature.</summary>
    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries().Any(e => e.State is EntityState.Modified or EntityState.Deleted
                && e.Entity is AuditEntry or Domain.Review.ExpertScoreChange or Domain.Review.ExpertConflict or Domain.Review.ReviewEvent))
        {
            throw new InvalidOperationException("Audit entries are never updated or deleted.");
        }
    }
}

/// <summary>The embedded default provider; migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteMieDbContext(DbContextOptions<SqliteMieDbContext> options) : MieDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // SQLite has no decimal type: EF would store TEXT and sum it through a .NET callback per row. Values are
        // stored instead as exact integers of 1/10,000 (the model's scale of 4), which SQLite sums and compares
        // natively and exactly (docs/decisions/0008-sqlite-fixed-point-values.md).
        builder.Entity<IndicatorValue>().Property(v => v.Value).HasConversion(FixedPointConverter.Instance);
    }
}

/// <summary>The production provider; migrations in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerMieDbContext(DbContextOptions<SqlServerMieDbContext> options) : MieDbContext(options);
