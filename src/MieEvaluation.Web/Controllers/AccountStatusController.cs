using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Accounts;

namespace MieEvaluation.Web.Controllers;

/// <summary>An account's status: administrators disable and enable it, with a reason, and read what was done.</summary>
[Route("admin/users/{id}")]
[Authorize(Policy = Policies.Administer)]
public sealed class AccountStatusController(AccountStatusService accounts, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("status")]
    public async Task<IActionResult> Index(string id) => await accounts.FindAsync(id) is { } status ? View(status) : NotFound();

    [HttpPost("disable")]
    public async Task<IActionResult> Disable(string id, [FromForm] string? reason) =>
        await RespondAsync(id, await accounts.DisableAsync(User, id, reason), "AccountStatus.Disabled");

    [HttpPost("enable")]
    public async Task<IActionResult> Enable(string id, [FromForm] string? reason) =>
        await RespondAsync(id, await accounts.EnableAsync(User, id, reason), "AccountStatus.Enabled");

    private async Task<IActionResult> RespondAsync(string id, AccountChange change, string doneKey)
    {
        switch (change)
        {
            case AccountChange.NotFound:
                return NotFound();
            case AccountChange.Done or AccountChange.Unchanged:
                TempData["Message"] = localizer[doneKey].Value;
                return RedirectToAction(nameof(Index), new { id });
            default:
                ModelState.AddModelError("", change == AccountChange.OwnAccount
                    ? localizer["AccountStatus.OwnAccount"] : localizer["AccountStatus.ReasonRequired", AccountStatusRules.MaxReasonLength]);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View(nameof(Index), await accounts.FindAsync(id));
        }
    }
}
