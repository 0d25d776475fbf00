using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Data;

namespace MieEvaluation.IntegrationTests.Foundation;

/// <summary>Values stored as TEXT decimals before the fixed-point migration keep their exact value after it (ADR 0008).</summary>
public sealed class SqliteValueMigration
{
    [Fact]
    public async Task KeepsEveryValueExactGivenADatabaseFromBeforeFixedPoint()
    {
        var path = TestPaths.NewDatabaseFile();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var db = new SqliteMieDbContext(new DbContextOptionsBuilder<SqliteMieDbContext>().UseSqlite($"Data Source={path}").Options);
        var migrations = db.Database.GetMigrations().ToList();
        var beforeFixedPoint = migrations[migrations.FindIndex(m => m.EndsWith("_FixedPointValuesOnSqlite", StringComparison.Ordinal)) - 1];
        await db.GetService<IMigrator>().MigrateAsync(beforeFixedPoint);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO Provinces (Id, Code, NameZh, NameEn, Region) VALUES (1, 'Beijing', '北京市', 'Beijing', 'East');
            INSERT INTO Bases (Id, Code, NameZh, NameEn, Type, ProvinceId, BatchYear, IsActive) VALUES (1, '16R01', '海淀', 'Haidian', 'Regional', 1, 2016, 1);
            INSERT INTO Indicators (Id, Code, NameZh, NameEn, UnitZh, UnitEn, Decimals, Aggregation, DisplayOrder, IsActive)
                VALUES (1, 'x', 'x', 'x', 'x', 'x', 4, 'Mean', 1, 1);
            INSERT INTO Submissions (Id, BaseId, Year, Status, CreatedAtUtc, UpdatedAtUtc, Version)
                VALUES (1, 1, 2016, 'Draft', '2026-01-01', '2026-01-01', '00000000-0000-0000-0000-000000000001');
            INSERT INTO Indicators (Id, Code, NameZh, NameEn, UnitZh, UnitEn, Decimals, Aggregation, DisplayOrder, IsActive)
                VALUES (2, 'y', 'y', 'y', 'y', 'y', 0, 'Mean', 2, 1), (3, 'z', 'z', 'z', 'z', 'z', 4, 'Mean', 3, 1);
            INSERT INTO IndicatorValues (SubmissionId, IndicatorId, Value) VALUES (1, 1, '1185.14'), (1, 2, '13598'), (1, 3, '0.0001');
            """);

        await db.Database.MigrateAsync();

        var values = await db.IndicatorValues.OrderBy(v => v.IndicatorId).Select(v => v.Value).ToListAsync();
        Assert.Equal([1185.14m, 13598m, 0.0001m], values);
        Assert.Equal(14783.1401m, await db.IndicatorValues.SumAsync(v => v.Value));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task RenamesTheFormerEnterpriseCodesAndNothingElse()
    {
        var path = TestPaths.NewDatabaseFile();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var db = new SqliteMieDbContext(new DbContextOptionsBuilder<SqliteMieDbContext>().UseSqlite($"Data Source={path}").Options);
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_EnterpriseCodesWithC", StringComparison.Ordinal)) - 1];
        await db.GetService<IMigrator>().MigrateAsync(before);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO Provinces (Id, Code, NameZh, NameEn, Region) VALUES (1, 'Beijing', '北京市', 'Beijing', 'East');
            INSERT INTO Bases (Id, Code, NameZh, NameEn, Type, ProvinceId, BatchYear, IsActive) VALUES
                (1, '16R01', '海淀', 'Haidian', 'Regional', 1, 2016, 1), (2, '16E01', '电信', 'Telecom', 'Enterprise', 1, 2016, 1),
                (3, '17E103', '某企业', 'Some enterprise', 'Enterprise', 1, 2017, 1), (4, '17U05', '某大学', 'A university', 'UnivInst', 1, 2017, 1);
            """);

        await db.Database.MigrateAsync();

        Assert.Equal(["16C01", "16R01", "17C103", "17U05"], (await db.Bases.Select(b => b.Code).ToListAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(2, await db.Bases.Where(b => b.Code == "16C01").Select(b => b.Id).SingleAsync());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
