using System.Net;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Security;

namespace MieEvaluation.IntegrationTests.Foundation;

public sealed class LocalizationBehaviour : IClassFixture<MieAppFactory>
{
    private readonly MieAppFactory _app;

    public LocalizationBehaviour(MieAppFactory app) => _app = app;

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("xx-INVALID")]
    [InlineData(null)]
    public async Task FallsBackToChineseGivenUnknownOrNoLanguage(string? language)
    {
        var page = await _app.CreateClient().GetDocumentAsync("/account/login", language);

        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task FallsBackToChineseGivenUnknownCultureInQueryString()
    {
        var page = await _app.CreateClient().GetDocumentAsync("/account/login?culture=klingon", "en");

        // An unsupported ?culture= is ignored; the next provider (Accept-Language) decides.
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task RemembersTheChosenLanguageGivenTheSwitch()
    {
        var client = await _app.SignedInClientAsync(Roles.Official);
        var page = await client.GetDocumentAsync("/bases?type=enterprise", "zh-CN");

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en",
            ["returnUrl"] = "/bases?type=enterprise",
            ["__RequestVerificationToken"] = page.AntiforgeryToken(),
        });
        using var response = await client.PostAsync(new Uri("/culture", UriKind.Relative), form);
        var after = await client.GetDocumentAsync("/bases?type=enterprise", "zh-CN");

        Assert.Equal("en", after.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Base registry", after.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/bases?batch=2016", "/bases?batch=2016")]
    public async Task RedirectsOnlyLocallyGivenReturnUrl(string returnUrl, string expectedLocation)
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        var page = await client.GetDocumentAsync("/account/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "de-DE",
            ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = page.AntiforgeryToken(),
        });

        using var response = await client.PostAsync(new Uri("/culture", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expectedLocation, response.Headers.Location!.OriginalString);
        // An unsupported culture in the switch falls back to the default.
        Assert.Contains("c%3Dzh-CN", string.Join(";", response.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectsTheSwitchGivenNoAntiforgeryToken()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en" });

        using var response = await _app.CreateClient().PostAsync(new Uri("/culture", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ShowsALocalisedNotFoundPageGivenUnknownPath()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no/such/page");
        request.Headers.AcceptLanguage.ParseAdd("en");
        using var response = await (await _app.SignedInClientAsync(Roles.Official)).SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("The page you asked for does not exist.", html, StringComparison.Ordinal);
    }
}
