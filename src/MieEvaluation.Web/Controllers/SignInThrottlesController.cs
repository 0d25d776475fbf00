using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MieEvaluation.Web.Security;

namespace MieEvaluation.Web.Controllers;

/// <summary>Administrators see the failed sign-in counts and clear one, say for a user who was told to wait.</summary>
[Route("admin/sign-in-throttles")]
[Authorize(Policy = Policies.Administer)]
public sealed partial class SignInThrottlesController(SignInThrottleStore throttles, IStringLocalizer<SharedResource> localizer,
    ILogger<SignInThrottlesController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await throttles.ActiveAsync());

    [HttpPost("{id:long}/clear")]
    public async Task<IActionResult> Clear(long id)
    {
        // A count cleared twice, or forgotten meanwhile, is no error: what the administrator wanted is true.
        if (await throttles.ClearAsync(id) is { } cleared)
        {
            LogCleared(logger, User.Identity?.Name, cleared.Kind, cleared.Email, cleared.Address, cleared.Failures);
        }

        TempData["Message"] = localizer["Throttles.Cleared"].Value;
        return RedirectToAction(nameof(Index));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Administrator} cleared the failed sign-in count of {Kind} {Email} {Address} ({Failures} failures)")]
    private static partial void LogCleared(ILogger logger, string? administrator, SignInThrottleKind kind, string email, string address, int failures);
}
