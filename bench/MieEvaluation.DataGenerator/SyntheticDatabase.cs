using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Data.Seed;
using MieEvaluation.Web.Data.Series;

namespace MieEvaluation.DataGenerator;

/// <summary>
/// A SQLite file with the real schema (the app's migrations) and reference data (the app's seeder), plus the
/// synthetic bases and, unless registry-only, their approved submissions and values. Rows go in through prepared
/// ADO.NET commands in one transaction: EF Core's change tracker would take minutes for 1.4 million values.
/// </summary>
public static class SyntheticDatabase
{
    public static SqliteMieDbContext Open(string connectionOrPath, Action<string>? log = null)
    {
        var connectionString = connectionOrPath.Contains('=', StringComparison.Ordinal) ? connectionOrPath : $"Data Source={connectionOrPath}";
        var options = new DbContextOptionsBuilder<SqliteMieDbContext>().UseSqlite(connectionString);
        if (log is not null)
        {
            options.LogTo(log, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted, Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.QueryCompilationStarting]);
        }

        return new(options.Options);
    }

    /// <summary>Migrates and seeds <paramref name="db"/>, then returns the indicators (display order) and province ids.</summary>
    public static async Task<(List<SyntheticIndicator> Indicators, List<int> Provinces)> PrepareAsync(SqliteMieDbContext db)
    {
        await db.Database.MigrateAsync();
        await SeedAsync(db);
        var indicators = await db.Indicators.OrderBy(i => i.DisplayOrder).ThenBy(i => i.Id)
            .Select(i => new SyntheticIndicator(i.Id, i.Code, i.Decimals)).ToListAsync();
        var provinces = await db.Provinces.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        return (indicators, provinces);
    }

    /// <summary>The app's own seeder: provinces, the 120 real bases, indicators, issue categories.</summary>
    private static Task SeedAsync(SqliteMieDbContext db) => new DataSeeder(db, NullLogger<DataSeeder>.Instance).SeedAsync();

    /// <summary>
    /// Writes a new database at <paramref name="path"/> (replacing any file there) and, when given, the long CSV of
    /// the same values in the same pass. Returns the number of values generated.
    /// </summary>
    public static async Task<long> CreateAsync(string path, SyntheticOptions options, bool registryOnly, string? csvPath = null)
    {
        foreach (var stale in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(stale);
        }

        long values;
        await using (var db = Open(path))
        {
            var (indicators, provinces) = await PrepareAsync(db);
            var data = new SyntheticData(options, indicators, provinces.Count);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await connection.OpenAsync();
            using var transaction = connection.BeginTransaction();
            using var sink = new DatabaseSink(connection, transaction, provinces, registryOnly);
            using var csv = csvPath is null ? null : new CsvSink(csvPath);
            values = data.Generate(csv is null ? [sink] : [sink, csv], withValues: !registryOnly || csv is not null);
            transaction.Commit();
        }

        // The packed per-base series the figures read (ADR 0011), as the app would build them at its next start.
        await using (var db = Open(path))
        {
            await BaseSeriesMaintenance.RebuildMissingAsync(db);

            // Everything into the main file, so that the file alone can be copied or moved.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        // Releases the pooled connection so that the file can be moved or opened by another process at once.
        SqliteConnection.ClearAllPools();
        return values;
    }

    /// <summary>The CSV alone: the indicators come from an in-memory database migrated and seeded like a real one.</summary>
    public static async Task<long> WriteCsvAsync(string csvPath, SyntheticOptions options)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var builder = new DbContextOptionsBuilder<SqliteMieDbContext>().UseSqlite(connection);
        await using var db = new SqliteMieDbContext(builder.Options);
        var (indicators, provinces) = await PrepareAsync(db);
        using var csv = new CsvSink(csvPath);
        return new SyntheticData(options, indicators, provinces.Count).Generate([csv]);
    }

    private sealed class DatabaseSink : ISyntheticDataSink, IDisposable
    {
        private readonly IReadOnlyList<int> _provinces;
        private readonly bool _registryOnly;
        private readonly string _now = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        private readonly SqliteCommand _insertBase;
        private readonly SqliteCommand _insertSubmission;
        private readonly SqliteCommand _insertValue;
        private long _baseId;
        private long _submissionId;

        public DatabaseSink(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<int> provinces, bool registryOnly)
        {
            _provinces = provinces;
            _registryOnly = registryOnly;
            _insertBase = Command(connection, transaction,
                "INSERT INTO Bases (Code, NameZh, NameEn, Type, ProvinceId, BatchYear, IsActive) VALUES ($c, $zh, $en, $t, $p, $b, 1) RETURNING Id",
                "$c", "$zh", "$en", "$t", "$p", "$b");
            _insertSubmission = Command(connection, transaction,
                "INSERT INTO Submissions (BaseId, Year, Status, CreatedAtUtc, UpdatedAtUtc, Version) VALUES ($b, $y, 'Approved', $n, $n, $v) RETURNING Id",
                "$b", "$y", "$n", "$v");
            _insertValue = Command(connection, transaction,
                "INSERT INTO IndicatorValues (SubmissionId, IndicatorId, Value) VALUES ($s, $i, $x)", "$s", "$i", "$x");
        }

        public void Base(SyntheticBase synthetic)
        {
            _insertBase.Parameters["$c"].Value = synthetic.Code;
            _insertBase.Parameters["$zh"].Value = $"合成基地 {synthetic.Code}";
            _insertBase.Parameters["$en"].Value = $"Synthetic base {synthetic.Code}";
            _insertBase.Parameters["$t"].Value = synthetic.Type;
            _insertBase.Parameters["$p"].Value = _provinces[synthetic.ProvinceIndex];
            _insertBase.Parameters["$b"].Value = synthetic.BatchYear;
            _baseId = (long)_insertBase.ExecuteScalar()!;
        }

        public void Submission(SyntheticBase synthetic, int year)
        {
            if (_registryOnly)
            {
                return;
            }

            _insertSubmission.Parameters["$b"].Value = _baseId;
            _insertSubmission.Parameters["$y"].Value = year;
            _insertSubmission.Parameters["$n"].Value = _now;
            // The concurrency token, derived from the base and year so that the file is the same for a seed.
            _insertSubmission.Parameters["$v"].Value = new Guid(synthetic.Index, (short)year, 0, new byte[8]).ToString().ToUpperInvariant();
            _submissionId = (long)_insertSubmission.ExecuteScalar()!;
        }

        public void Value(SyntheticBase synthetic, int year, SyntheticIndicator indicator, decimal value)
        {
            if (_registryOnly)
            {
                return;
            }

            _insertValue.Parameters["$s"].Value = _submissionId;
            _insertValue.Parameters["$i"].Value = indicator.Id;
            // Fixed point, as the model stores values on SQLite (FixedPointConverter): exact for ≤ 4 decimals.
            _insertValue.Parameters["$x"].Value = (long)(value * 10_000m);
            _insertValue.ExecuteNonQuery();
        }

        public void Dispose()
        {
            _insertBase.Dispose();
            _insertSubmission.Dispose();
            _insertValue.Dispose();
        }

        private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter(name, null));
            }

            command.Prepare();
            return command;
        }
    }
}
