using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Setup;

namespace MieEvaluation.Web.Controllers.Api;

public sealed record TokenRequest(string? Email, string? Password, string? Name, int? Days);

public sealed record TokenResponse(string Token, DateTime ExpiresAtUtc);

/// <summary><c>POST /api/v1/tokens</c>: a token for automation, from email and password (failures delay further attempts; rate limited).</summary>
public sealed class TokensApiController(UserManager<AppUser> users, PasswordCheck passwordCheck, TokenService tokens) : ApiControllerBase
{
    [HttpPost("tokens")]
    [ProducesResponseType<TokenResponse>(StatusCodes.Status200OK)]
    [AllowAnonymous]
    [EnableRateLimiting(SecuritySetup.LoginRateLimit)]
    public async Task<IActionResult> Create(TokenRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrWhiteSpace(request.Password))
        {
            return BadParameter(["Give email and password."]);
        }

        var check = await passwordCheck.CheckAsync(request.Email, request.Password, HttpContext.Connection.RemoteIpAddress);
        if (check.Outcome == PasswordCheckOutcome.Delayed)
        {
            Response.Headers.RetryAfter = RetryAfter.Header(check.RetryAfter);
            return Problem(detail: $"Too many failed sign-ins for this email or from this address; try again in {RetryAfter.Seconds(check.RetryAfter)} s.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Sign-in delayed");
        }

        if (check.Outcome != PasswordCheckOutcome.Succeeded)
        {
            // A disabled account's right password gets the same answer as a wrong one: a token would open nothing.
            return Problem(detail: "The email or password is wrong.", statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in");
        }

        var user = check.User;

        // A token acts with the account's roles: without one it could open nothing, so none is made.
        if ((await users.GetRolesAsync(user!)).Count == 0)
        {
            return Problem(detail: "The account has no role yet: an administrator must give it one before it can use the API.",
                statusCode: StatusCodes.Status403Forbidden, title: "No role");
        }

        var (token, stored) = await tokens.CreateAsync(user!.Id, string.IsNullOrWhiteSpace(request.Name) ? "api" : request.Name.Trim()[..Math.Min(100, request.Name.Trim().Length)],
            request.Days ?? TokenService.DefaultDays);
        return Ok(new TokenResponse(token, stored.ExpiresAtUtc));
    }
}
