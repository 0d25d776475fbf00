using System.Diagnostics;

namespace MieEvaluation.IntegrationTests.Infrastructure;

/// <summary>The output of <c>dotnet publish</c> of the app, made once per test run (a minute) for every test that needs it.</summary>
public static class PublishedBuild
{
    private static readonly Lazy<Task<string>> Folder = new(PublishAsync);

    /// <summary>The published app's main assembly.</summary>
    public static async Task<string> AppDllAsync() => Path.Combine(await Folder.Value, "MieEvaluation.Web.dll");

    private static async Task<string> PublishAsync()
    {
        var output = Path.Combine(Path.GetTempPath(), "mie-tests", Guid.NewGuid().ToString("N"), "publish");
        var project = Path.Combine(TestPaths.RepositoryRoot, "src", "MieEvaluation.Web", "MieEvaluation.Web.csproj");
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var publish = Process.Start(start)!;
        var log = await publish.StandardOutput.ReadToEndAsync() + await publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        return publish.ExitCode == 0 ? output : throw new InvalidOperationException($"dotnet publish failed:\n{log}");
    }
}
