using System.Globalization;
using Serilog;

namespace MieEvaluation.Web.Setup;

/// <summary>Serilog from the <c>Serilog</c> section of appsettings (console and rolling file sinks).</summary>
internal static class LoggingSetup
{
    public static WebApplicationBuilder AddMieLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
        return builder;
    }

    public static WebApplication UseMieRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging();
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
