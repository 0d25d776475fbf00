using Microsoft.Playwright;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.BrowserTests.Infrastructure;

/// <summary>
/// The app as the README's <c>--demo</c> command starts it (generated data up to the current round, the printed demo
/// accounts) on a real Kestrel port, with Chromium: what a new user meets in the first hour.
/// </summary>
public sealed class DemoBrowserFixture : BrowserFixture
{
    private readonly string _databasePath = TestPaths.NewDatabaseFile();

    private string LogPath => Path.ChangeExtension(_databasePath, ".log");

    protected override MieAppFactory CreateApp() => DemoApp.Factory(_databasePath, LogPath);

    protected override Task PrepareDataAsync() => Task.CompletedTask;

    /// <summary>The password the demo printed at start for <paramref name="email"/>.</summary>
    public string PasswordOf(string email) => DemoApp.PasswordInLog(LogPath, email);

    /// <summary>Opens the site and signs in through the login page by typing and clicking, as a person does.</summary>
    public async Task<(IPage Page, List<string> ConsoleErrors)> SignInByHandAsync(string email, string locale)
    {
        var (page, errors) = await NewPageAsync(locale);
        await page.GotoAsync("/");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", PasswordOf(email));
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return (page, errors);
    }
}
