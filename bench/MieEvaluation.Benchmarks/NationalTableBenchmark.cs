using BenchmarkDotNet.Attributes;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Services.Figures;

namespace MieEvaluation.Benchmarks;

/// <summary>
/// The full national table (12 indicators × 10 years, all-reporting and balanced panel side by side, medians of the
/// per-base CAGRs) straight from SQLite, uncached.
/// </summary>
[MemoryDiagnoser]
public class NationalTableBenchmark
{
    private SqliteMieDbContext _db = null!;

    [Params(120, 12_000)]
    public int Bases { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var path = BenchmarkDatabase.EnsureAsync(Bases, years: 10).GetAwaiter().GetResult();
        _db = BenchmarkDatabase.Open(path);
    }

    [GlobalCleanup]
    public void Cleanup() => _db.Dispose();

    [Benchmark]
    public async Task<NationalFigures> NationalTable()
    {
        _db.ChangeTracker.Clear();
        return await new FiguresService(_db).NationalAsync(new FigureQuery(BenchmarkDatabase.FirstYear, BenchmarkDatabase.FirstYear + 9));
    }
}
