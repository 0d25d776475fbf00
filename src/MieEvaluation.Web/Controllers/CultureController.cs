using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MieEvaluation.Web.Setup;

namespace MieEvaluation.Web.Controllers;

/// <summary>The language switch in the layout: remembers the choice in the culture cookie for a year.</summary>
[Route("culture")]
[AllowAnonymous]
public sealed class CultureController : Controller
{
    [HttpPost("")]
    public IActionResult Set([FromForm] string? culture, [FromForm] string? returnUrl)
    {
        // An unknown culture falls back to the default rather than failing: the switch must always work.
        var chosen = LocalizationSetup.SupportedCultures.FirstOrDefault(c =>
            string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase)) ?? LocalizationSetup.DefaultCulture;

        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
            });

        // Only local return URLs: the switch must not become an open redirect.
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
