using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Data.Seed;

namespace MieEvaluation.Benchmarks;

/// <summary>
/// A SQLite file with the real schema (migrations) and reference data, plus <c>bases</c> synthetic bases reporting
/// every indicator for <c>years</c> years with log-normally skewed values and about 3 % missing. Built once per size
/// and kept in the temp folder, so reruns measure queries, not set-up.
/// </summary>
internal static class BenchmarkDatabase
{
    public const int FirstYear = 2016;

    public static string PathFor(int bases, int years) =>
        Path.Combine(Path.GetTempPath(), "mie-bench", $"bases{bases}-years{years}-v3.db");

    public static SqliteMieDbContext Open(string path, Action<string>? log = null)
    {
        var options = new DbContextOptionsBuilder<SqliteMieDbContext>().UseSqlite($"Data Source={path}");
        if (log is not null)
        {
            options.LogTo(log, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted, Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.QueryCompilationStarting]);
        }

        return new(options.Options);
    }

    public static async Task<string> EnsureAsync(int bases, int years, int seed = 7)
    {
        var path = PathFor(bases, years);
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var building = path + ".building";
        File.Delete(building);
        await using (var db = Open(building))
        {
            await db.Database.MigrateAsync();
            await new DataSeeder(db, NullLogger<DataSeeder>.Instance).SeedAsync();
            await FillAsync(db, bases, years, seed);
        }

        SqliteConnection.ClearAllPools();
        File.Move(building, path);
        return path;
    }

    private static async Task FillAsync(SqliteMieDbContext db, int bases, int years, int seed)
    {
        var random = new Random(seed);
        var provinces = await db.Provinces.Select(p => p.Id).ToListAsync();
        var indicators = await db.Indicators.Select(i => new { i.Id, i.Decimals }).ToListAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var now = DateTime.UtcNow.ToString("O");

        var insertBase = Command(connection, transaction,
            "INSERT INTO Bases (Code, NameZh, NameEn, Type, ProvinceId, BatchYear, IsActive) VALUES ($c, $c, $c, $t, $p, $b, 1) RETURNING Id",
            "$c", "$t", "$p", "$b");
        var insertSubmission = Command(connection, transaction,
            "INSERT INTO Submissions (BaseId, Year, Status, CreatedAtUtc, UpdatedAtUtc, Version) VALUES ($b, $y, 'Approved', $n, $n, $v) RETURNING Id",
            "$b", "$y", "$n", "$v");
        var insertValue = Command(connection, transaction,
            "INSERT INTO IndicatorValues (SubmissionId, IndicatorId, Value) VALUES ($s, $i, $x)", "$s", "$i", "$x");

        string[] types = ["Regional", "UnivInst", "Enterprise"];
        for (var b = 0; b < bases; b++)
        {
            insertBase.Parameters["$c"].Value = $"B{b:000000}";
            insertBase.Parameters["$t"].Value = types[b % 3];
            insertBase.Parameters["$p"].Value = provinces[b % provinces.Count];
            insertBase.Parameters["$b"].Value = b % 4 == 0 ? 2016 : 2017;
            var baseId = (long)(await insertBase.ExecuteScalarAsync())!;
            var size = Math.Exp(Normal(random) * 0.8) * 1000;
            for (var y = 0; y < years; y++)
            {
                insertSubmission.Parameters["$b"].Value = baseId;
                insertSubmission.Parameters["$y"].Value = FirstYear + y;
                insertSubmission.Parameters["$n"].Value = now;
                insertSubmission.Parameters["$v"].Value = Guid.NewGuid().ToString().ToUpperInvariant();
                var submissionId = (long)(await insertSubmission.ExecuteScalarAsync())!;
                foreach (var indicator in indicators)
                {
                    if (random.NextDouble() < 0.03)
                    {
                        continue;
                    }

                    var value = Math.Round((decimal)(size * Math.Pow(1.08, y) * Math.Exp(Normal(random) * 0.2)), indicator.Decimals);
                    insertValue.Parameters["$s"].Value = submissionId;
                    insertValue.Parameters["$i"].Value = indicator.Id;
                    insertValue.Parameters["$x"].Value = (long)(value * 10_000m); // fixed point, as the model stores it
                    await insertValue.ExecuteNonQueryAsync();
                }
            }
        }

        await transaction.CommitAsync();
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

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
