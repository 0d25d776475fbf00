using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MieEvaluation.IntegrationTests.Figures;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.BrowserTests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port over a SQLite file with the report's data (120 bases, 2016–2018), and Debian's
/// Chromium driven by Playwright. tests/test.sh installs Chromium; without it these tests fail, they never skip.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public MieAppFactory App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"Chromium is missing at {ChromiumPath}: run the tests through tests/test.sh, which installs it.");
        App = CreateApp();
        App.UseKestrel(0);
        App.StartServer();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        await PrepareDataAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>The app under test, before it starts on Kestrel.</summary>
    protected virtual MieAppFactory CreateApp() => new();

    /// <summary>The data the tests read: the report's panel (120 bases, 2016–2018).</summary>
    protected virtual Task PrepareDataAsync() => App.WithDbAsync(db => SeedPanel.BuildAsync(db));

    /// <summary>A new browser context with console errors collected, not signed in.</summary>
    public async Task<(IPage Page, List<string> ConsoleErrors)> NewPageAsync(string locale, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale, BaseURL = BaseAddress.ToString(), AcceptDownloads = true, BypassCSP = bypassCsp,
        });
        // The suite runs its classes in parallel on two cores, beside a demo app generating its data: a save, an import
        // or a page can take longer than Playwright's 30 s default (seen once in a few full runs each). Slowness is
        // measured by the benchmarks, not here.
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") { errors.Add(message.Text); } };
        page.PageError += (_, error) => errors.Add(error);
        return (page, errors);
    }

    /// <summary>A new browser context signed in as a new account with the roles; console errors are collected.</summary>
    public Task<(IPage Page, List<string> ConsoleErrors)> SignedInPageAsync(string locale, params string[] roles) =>
        SignedInAsync(locale, bypassCsp: false, roles);

    /// <summary>As <see cref="SignedInPageAsync"/>, but the page lets a test inject axe-core, which the CSP would refuse.</summary>
    public Task<(IPage Page, List<string> ConsoleErrors)> SignedInPageForAuditAsync(string locale, params string[] roles) =>
        SignedInAsync(locale, bypassCsp: true, roles);

    private async Task<(IPage Page, List<string> ConsoleErrors)> SignedInAsync(string locale, bool bypassCsp, string[] roles)
    {
        var (email, password, _) = await App.CreateUserAsync(roles);
        var (page, errors) = await NewPageAsync(locale, bypassCsp);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return (page, errors);
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = false });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
