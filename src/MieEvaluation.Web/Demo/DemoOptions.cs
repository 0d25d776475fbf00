namespace MieEvaluation.Web.Demo;

/// <summary>The <c>Demo</c> section; <c>--demo</c> on the command line sets <c>Demo:Enabled</c>.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    public bool Enabled { get; set; }

    /// <summary>Demo mode's own SQLite file, never the real one.</summary>
    public string SqlitePath { get; set; } = "data/mie-demo.db";

    /// <summary>Turns a bare <c>--demo</c> argument into <c>--Demo:Enabled=true</c> for the command-line configuration.</summary>
    public static string[] TranslateArguments(string[] args) =>
        args.Select(a => string.Equals(a, "--demo", StringComparison.OrdinalIgnoreCase) ? "--Demo:Enabled=true" : a).ToArray();
}
