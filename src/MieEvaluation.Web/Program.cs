using MieEvaluation.Web.Demo;
using MieEvaluation.Web.Setup;

// The app's own folder is its root, whatever the current directory: appsettings, the seed files and the
// static files copied from the top-level wwwroot/ (ADR 0002) all live next to the binaries.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = DemoOptions.TranslateArguments(args),
    ContentRootPath = AppContext.BaseDirectory,
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});

try
{
    builder.AddMieLogging();
    builder.AddMieDatabase();
    builder.AddMieLocalization();
    builder.AddMieSecurity();
    builder.AddMieHttps();
    builder.AddMieWeb();

    var app = builder.Build();
    app.UseMieForwardedHeaders();
    app.UseMieErrorPages();
    app.UseMieSecurityHeaders();
    app.UseMieRequestLogging();
    app.UseMieLocalization();
    app.UseMieHttpsRequirement();
    app.UseMieWeb();

    await app.PrepareDatabaseAsync();
    await app.RunAsync();
    return 0;
}
catch (StartupConfigurationException ex)
{
    LoggingSetup.LogStartupFailure(ex);
    return 1;
}
