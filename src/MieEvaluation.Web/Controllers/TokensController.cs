using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using MieEvaluation.Web.Security;

namespace MieEvaluation.Web.Controllers;

public sealed record TokensPage(IReadOnlyList<PersonalAccessToken> Tokens, string? NewToken, DateTime Now);

/// <summary>Each user's personal access tokens for the HTTP API: created (shown once) and revoked here.</summary>
[Route("account/tokens")]
public sealed class TokensController(TokenService tokens, UserManager<AppUser> users, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        View(new TokensPage(await tokens.ListAsync(users.GetUserId(User)!), null, clock.GetUtcNow().UtcDateTime));

    [HttpPost("")]
    public async Task<IActionResult> Create([FromForm] string? name, [FromForm] int? days)
    {
        var userId = users.GetUserId(User)!;
        var label = string.IsNullOrWhiteSpace(name) ? "token" : name.Trim()[..Math.Min(100, name.Trim().Length)];
        var (token, _) = await tokens.CreateAsync(userId, label, days ?? TokenService.DefaultDays);
        return View(nameof(Index), new TokensPage(await tokens.ListAsync(userId), token, clock.GetUtcNow().UtcDateTime));
    }

    [HttpPost("{id:int}/revoke")]
    public async Task<IActionResult> Revoke(int id) =>
        await tokens.RevokeAsync(users.GetUserId(User)!, id) ? RedirectToAction(nameof(Index)) : NotFound();
}
