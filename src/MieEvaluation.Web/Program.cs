using MieEvaluation.Web.Setup;

// WebRootPath: the static files are copied next to the app from the top-level wwwroot/ (ADR 0002).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});

try
{
    builder.AddMieLogging();
    builder.AddMieDatabase();
    builder.AddMieLocalization();
    builder.AddMieWeb();

    var app = builder.Build();
    app.UseMieRequestLogging();
    app.UseMieLocalization();
    app.UseMieWeb();

    await app.InitialiseDatabaseAsync();
    await app.RunAsync();
    return 0;
}
catch (StartupConfigurationException ex)
{
    LoggingSetup.LogStartupFailure(ex);
    return 1;
}
