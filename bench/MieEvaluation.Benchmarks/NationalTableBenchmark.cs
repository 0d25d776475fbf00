using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Services.Figures;

namespace MieEvaluation.Benchmarks;

/// <summary>
/// The full national table (12 indicators × 10 years, all-reporting and balanced panel side by side, medians of the
/// per-base CAGRs) straight from SQLite, uncached.
/// </summary>
[MemoryDiagnoser]
public class NationalTableBenchmark : IDisposable
{
    private static readonly FigureQuery Query = new(BenchmarkDatabase.FirstYear, BenchmarkDatabase.FirstYear + 9);

    private FigureCache _cache = null!;
    private SqliteMieDbContext _db = null!;

    [Params(120, 12_000)]
    public int Bases { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var path = BenchmarkDatabase.EnsureAsync(Bases, years: 10).GetAwaiter().GetResult();
        _db = BenchmarkDatabase.Open(path);
        _cache = new FigureCache();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _db?.Dispose();
            _cache?.Dispose();
        }
    }

    /// <summary>
    /// The machine's ceiling: SQLite summing every value once, with no join, grouping, filter or EF Core. The national
    /// table makes three grouped passes over the values joined to their submissions, so it cannot beat this.
    /// </summary>
    [Benchmark(Baseline = true)]
    public async Task<long> BareSumOfAllValues()
    {
        var connection = _db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT SUM(\"Value\") FROM \"IndicatorValues\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Benchmark]
    public async Task<NationalFigures> NationalTable()
    {
        _db.ChangeTracker.Clear();
        return await new FiguresService(_db, _cache).ComputeNationalAsync(Query);
    }

    /// <summary>What a dashboard gets when nothing was written since the last request: one version read and a cache hit.</summary>
    [Benchmark]
    public async Task<NationalFigures> NationalTableFromExactCache()
    {
        _db.ChangeTracker.Clear();
        return await new FiguresService(_db, _cache).NationalAsync(Query);
    }
}
