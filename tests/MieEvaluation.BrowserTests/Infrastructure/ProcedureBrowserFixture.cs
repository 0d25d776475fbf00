using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.IntegrationTests.Review;

namespace MieEvaluation.BrowserTests.Infrastructure;

/// <summary>
/// The app on a real port with the round of <see cref="ProcedureWorld"/> set up and a clock the test moves from stage
/// to stage; each person signs in by the login page after the clock moved.
/// </summary>
public sealed class ProcedureBrowserFixture : BrowserFixture
{
    private readonly FixedClock _clock = new(ProcedureWorld.InSelfEvaluation);

    public ProcedureWorld World { get; private set; } = null!;

    public FixedClock Clock => _clock;

    protected override MieAppFactory CreateApp() => new MieAppFactory().WithServices(s => s.AddSingleton<TimeProvider>(_clock));

    protected override async Task PrepareDataAsync() => World = await ProcedureWorld.SetUpAsync(App, _clock);

    public async Task<(IPage Page, List<string> ConsoleErrors)> SignInAsync((string Email, string Password, string Id) account, string locale)
    {
        var (page, errors) = await NewPageAsync(locale);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Email", account.Email);
        await page.FillAsync("#Password", account.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return (page, errors);
    }
}
