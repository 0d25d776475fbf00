using Microsoft.Playwright;
using MieEvaluation.BrowserTests.Infrastructure;

namespace MieEvaluation.BrowserTests;

/// <summary>
/// The messages the browser shows before a form is sent come from the app's resources in the page's language, not
/// from the browser, whose own texts follow its installation ("Please fill out this field.").
/// </summary>
public sealed class BrowserValidationMessages(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("zh-CN", "请填写此项。", "请输入电子邮件地址。")]
    [InlineData("en", "Please fill in this field.", "Please enter an e-mail address.")]
    public async Task SpeaksThePagesLanguageWhenTheLoginFormIsIncomplete(string locale, string required, string email)
    {
        var (page, errors) = await browser.NewPageAsync(locale);
        await page.GotoAsync("/account/login");

        await page.ClickAsync("main button[type=submit]");
        var empty = await page.EvalOnSelectorAsync<string>("#Email", "input => input.validationMessage");
        await page.FillAsync("#Email", "not-an-address");
        await page.ClickAsync("main button[type=submit]");
        var malformed = await page.EvalOnSelectorAsync<string>("#Email", "input => input.validationMessage");
        await page.FillAsync("#Email", "someone@example.org");
        var corrected = await page.EvalOnSelectorAsync<string>("#Email", "input => input.validationMessage");

        Assert.Equal(required, empty);
        Assert.Equal(email, malformed);
        Assert.Equal("", corrected);
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        Assert.Empty(errors);
    }
}
