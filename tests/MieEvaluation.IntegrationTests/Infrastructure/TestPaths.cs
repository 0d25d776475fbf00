namespace MieEvaluation.IntegrationTests.Infrastructure;

public static class TestPaths
{
    /// <summary>A fresh, not yet existing SQLite file under the system's temp folder.</summary>
    public static string NewDatabaseFile() =>
        Path.Combine(Path.GetTempPath(), "mie-tests", $"{Guid.NewGuid():N}", "mie.db");

    /// <summary>The repository root, found from the test binaries by walking up to MieEvaluation.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MieEvaluation.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("MieEvaluation.sln not found above the test binaries.");
        }
    }

    /// <summary>The text of a file that a running app may still be writing (its log), without locking it.</summary>
    public static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>The seed files as the app ships them (copied next to the app's binaries).</summary>
    public static string SeedFile(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "Seed", name);
}
