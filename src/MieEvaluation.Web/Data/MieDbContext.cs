using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Issues;
using MieEvaluation.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace MieEvaluation.Web.Data;

/// <summary>
/// The one data model of the system. Each database provider has a subclass only so that it can carry its own
/// migrations (docs/decisions/0001-database-providers-and-migrations.md); the model itself is shared.
/// </summary>
public abstract class MieDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Province> Provinces => Set<Province>();

    public DbSet<DemonstrationBase> Bases => Set<DemonstrationBase>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<Submission> Submissions => Set<Submission>();

    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();

    public DbSet<IssueCategory> IssueCategories => Set<IssueCategory>();

    public DbSet<IssueReport> IssueReports => Set<IssueReport>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MieDbContext).Assembly);
    }
}

/// <summary>The embedded default provider; migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteMieDbContext(DbContextOptions<SqliteMieDbContext> options) : MieDbContext(options);

/// <summary>The production provider; migrations in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerMieDbContext(DbContextOptions<SqlServerMieDbContext> options) : MieDbContext(options);
