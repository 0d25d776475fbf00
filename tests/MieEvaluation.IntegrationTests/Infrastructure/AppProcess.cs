using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MieEvaluation.IntegrationTests.Infrastructure;

/// <summary>
/// The app as its own operating-system process on a free loopback port, for what only a real process shows
/// (a published build, exit codes, console output).
/// </summary>
internal sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private AppProcess(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = null!;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>The app built next to the tests.</summary>
    public static string BuiltApp => Path.Combine(AppContext.BaseDirectory, "MieEvaluation.Web.dll");

    /// <summary>Runs the built app until it exits by itself (start-up failures); returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(IDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [BuiltApp, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The app did not exit by itself:\n{await stdout}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    /// <summary>Starts <paramref name="dll"/> from <paramref name="workingDirectory"/> and waits until it listens.</summary>
    public static async Task<AppProcess> StartAsync(string dll, string workingDirectory, IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var app = new AppProcess(Process.Start(start)!);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (app._output)
            {
                app._output.Add(e.Data);
            }

            var match = ListeningLine().Match(e.Data);
            if (match.Success)
            {
                listening.TrySetResult(new Uri(match.Groups["url"].Value));
            }
        }

        app._process.OutputDataReceived += OnLine;
        app._process.ErrorDataReceived += OnLine;
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        var exited = app._process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (first != listening.Task)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException($"The app did not start listening:\n{app.Output}");
        }

        app.BaseAddress = await listening.Task;
        return app;
    }

    /// <summary>Sends a signal (e.g. TERM, KILL) to the app, as an operator or a crash would.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
