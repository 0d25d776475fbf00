namespace MieEvaluation.IntegrationTests.Infrastructure;

/// <summary>The app in demo mode on its own database file, and its printed demo accounts.</summary>
public sealed class DemoApp : IAsyncDisposable
{
    private DemoApp(string databasePath)
    {
        DatabasePath = databasePath;
        LogPath = Path.ChangeExtension(databasePath, ".log");
        App = Factory(databasePath, LogPath);
        _ = App.CreateClient();
    }

    public MieAppFactory App { get; }

    public string DatabasePath { get; }

    public string LogPath { get; }

    /// <summary>Starts a demo app on a new database file: generated data up to the current round.</summary>
    public static DemoApp Start() => new(TestPaths.NewDatabaseFile());

    public static MieAppFactory Factory(string path, string log) => new MieAppFactory()
        .With("Demo:Enabled", "true").With("Demo:SqlitePath", path)
        .With("LogFiles:Path", log).With("LogFiles:RollingInterval", "Infinite");

    /// <summary>The password the last start printed for a demo account (a new one each start).</summary>
    public static string PrintedPassword(string log, string email)
    {
        var line = log.Split('\n').Last(l => l.Contains($"Demo account {email}", StringComparison.Ordinal));
        var marker = "password: ";
        return new string(line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].TakeWhile(c => !char.IsWhiteSpace(c)).ToArray());
    }

    public string PasswordOf(string email) => PasswordInLog(LogPath, email);

    /// <summary>The password printed for <paramref name="email"/> in the log file of a running demo app.</summary>
    public static string PasswordInLog(string logPath, string email) => PrintedPassword(TestPaths.ReadShared(logPath), email);

    public Task<HttpClient> SignInAsync(string email, string? language = null) => App.SignInAsync(email, PasswordOf(email), language);

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
