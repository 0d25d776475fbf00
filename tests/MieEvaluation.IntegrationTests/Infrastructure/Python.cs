using System.Diagnostics;

namespace MieEvaluation.IntegrationTests.Infrastructure;

/// <summary>
/// The independent readers analysts use — pandas, openpyxl, jsonschema — run as Debian's python3 (installed by
/// tests/test.sh): a file or an answer is checked by another program than the one that wrote it.
/// </summary>
internal static class Python
{
    /// <summary>Debian's interpreter: the packaged readers live there, not in a user's pyenv.</summary>
    private const string Interpreter = "/usr/bin/python3";

    /// <summary>Runs the script with the arguments and environment; fails the test with its output unless it exits 0.</summary>
    public static async Task<string> RunAsync(string script, IEnumerable<string>? arguments = null, IDictionary<string, string>? environment = null)
    {
        Assert.True(File.Exists(Interpreter), $"{Interpreter} is missing: run the tests with tests/test.sh, which installs python3-pandas, python3-openpyxl and python3-jsonschema.");
        var start = new ProcessStartInfo(Interpreter, ["-c", script, .. arguments ?? []])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"python3 exited {process.ExitCode}:\n{await errors}\n{await output}");
        return await output;
    }
}
