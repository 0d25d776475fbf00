using System.Diagnostics;
using BenchmarkDotNet.Running;
using MieEvaluation.Benchmarks;
using MieEvaluation.Web.Services.Figures;

// `--quick N [--sql]`: build the N-base database and time the national table 15 times (a sanity check, not the
// benchmark); --sql prints each command with its duration.
// Anything else goes to BenchmarkDotNet, e.g. `--filter *NationalTable*`.
if (args is ["--quick", var size, ..])
{
    var bases = int.Parse(size, System.Globalization.CultureInfo.InvariantCulture);
    var path = await BenchmarkDatabase.EnsureAsync(bases, years: 10);
    await using var db = BenchmarkDatabase.Open(path, args.Contains("--sql") ? Console.WriteLine : null);
    var times = new List<double>();
    for (var i = 0; i < 15; i++)
    {
        db.ChangeTracker.Clear();
        var watch = Stopwatch.StartNew();
        using var cache = new FigureCache();
        await new FiguresService(db, cache).ComputeNationalAsync(new FigureQuery(BenchmarkDatabase.FirstYear, BenchmarkDatabase.FirstYear + 9));
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine($"{bases} bases: median {times[times.Count / 2]:F1} ms, min {times[0]:F1} ms, max {times[^1]:F1} ms");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(NationalTableBenchmark).Assembly).Run(args);
