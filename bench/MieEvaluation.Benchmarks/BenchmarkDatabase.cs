using MieEvaluation.DataGenerator;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Benchmarks;

/// <summary>
/// The benchmark's databases: made by the data generator (bench/MieEvaluation.DataGenerator, the one place that
/// knows how synthetic data looks), once per size, and kept in the temp folder so that reruns measure queries, not
/// set-up.
/// </summary>
internal static class BenchmarkDatabase
{
    public const int FirstYear = SyntheticData.DefaultFirstYear;

    private const int Seed = 7;

    /// <summary>The version suffix changes whenever the generated data does, so that an old file is never reused.</summary>
    public static string PathFor(int bases, int years) =>
        Path.Combine(Path.GetTempPath(), "mie-bench", $"bases{bases}-years{years}-v5.db"); // v5: with the packed series (ADR 0011)

    public static SqliteMieDbContext Open(string path, Action<string>? log = null) => SyntheticDatabase.Open(path, log);

    public static async Task<string> EnsureAsync(int bases, int years)
    {
        var path = PathFor(bases, years);
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var building = path + ".building";
        await SyntheticDatabase.CreateAsync(building, new SyntheticOptions(bases, years, Seed), registryOnly: false);
        File.Move(building, path);
        return path;
    }
}
