using System.Globalization;
using Serilog;

namespace MieEvaluation.Web.Setup;

/// <summary>
/// Serilog: levels and the console sink from the <c>Serilog</c> section, and a rolling file from <c>LogFiles</c>
/// (a plain section, so one setting moves the file; Serilog's WriteTo arrays cannot be overridden item by item).
/// </summary>
internal static class LoggingSetup
{
    /// <summary>The trace id is the correlation id the error page shows.</summary>
    private const string FileTemplate =
        "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj} trace={TraceId} {Properties:j}{NewLine}{Exception}";

    public static WebApplicationBuilder AddMieLogging(this WebApplicationBuilder builder)
    {
        var files = builder.Configuration.GetSection(LogFileOptions.SectionName).Get<LogFileOptions>() ?? new LogFileOptions();
        var path = Path.GetFullPath(files.Path, builder.Environment.ContentRootPath);
        // preserveStaticLogger: each host keeps its own logger instead of replacing the process-wide Log.Logger, so that
        // several hosts in one process (the integration tests) never write into each other's files.
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (services, logger) => logger
            // "No XML encryptor configured" names no setting; UnencryptedKeysWarning says the same with what to do.
            .MinimumLevel.Override("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", Serilog.Events.LogEventLevel.Error)
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.File(path, rollingInterval: files.RollingInterval, retainedFileCountLimit: files.RetainedFileCountLimit,
                outputTemplate: FileTemplate, formatProvider: CultureInfo.InvariantCulture));
        return builder;
    }

    public static WebApplication UseMieRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            // The client as the forwarded headers established it (a known proxy's X-Forwarded-For, else the peer).
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms for {ClientAddress} over {RequestScheme}";
            o.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                diagnostics.Set("ClientAddress", http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                diagnostics.Set("RequestScheme", http.Request.Scheme);
            };
        });
        return app;
    }

    /// <summary>
    /// Start-up failed before the host's logger existed (or the host is being torn down): write the one line that
    /// says which setting is wrong, with no stack trace.
    /// </summary>
    public static void LogStartupFailure(StartupConfigurationException exception)
    {
        using var logger = new LoggerConfiguration().WriteTo.Console(formatProvider: CultureInfo.InvariantCulture).CreateLogger();
        logger.Fatal("Start-up failed: {Reason}", exception.Message);
    }
}

/// <summary>The <c>LogFiles</c> section.</summary>
internal sealed class LogFileOptions
{
    public const string SectionName = "LogFiles";

    /// <summary>Relative to the app's folder unless absolute; the rolling interval adds the date before the extension.</summary>
    public string Path { get; set; } = "logs/mie-.log";

    public RollingInterval RollingInterval { get; set; } = RollingInterval.Day;

    public int RetainedFileCountLimit { get; set; } = 31;
}
