using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Setup;
using MieEvaluation.Web.ViewModels.Account;

namespace MieEvaluation.Web.Controllers;

/// <summary>Sign-in and sign-out, the first administrator's setup link, and changing one's own password.</summary>
[Route("account")]
public sealed class AccountController(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    AdminSetupToken setupToken,
    PasswordCheck passwordCheck,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginInput { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [AllowAnonymous]
    [EnableRateLimiting(SecuritySetup.LoginRateLimit)]
    public async Task<IActionResult> Login(LoginInput input, [FromServices] IValidator<LoginInput> validator)
    {
        if (!(await validator.ValidateAsync(input)).AddTo(ModelState))
        {
            return View(input);
        }

        var check = await passwordCheck.CheckAsync(input.Email, input.Password, HttpContext.Connection.RemoteIpAddress);
        if (check.Outcome == PasswordCheckOutcome.Succeeded)
        {
            await signIn.SignInAsync(check.User!, isPersistent: false);
            return LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl : "/");
        }

        ModelState.AddModelError("", check.Outcome switch
        {
            PasswordCheckOutcome.Disabled => localizer["Account.Disabled"],
            PasswordCheckOutcome.Delayed => SignInDelayedMessage(localizer, check.RetryAfter),
            _ => localizer["Account.LoginFailed"],
        });
        if (check.Outcome == PasswordCheckOutcome.Delayed)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = RetryAfter.Header(check.RetryAfter);
        }

        input.Password = "";
        return View(input);
    }

    private static LocalizedString SignInDelayedMessage(IStringLocalizer localizer, TimeSpan wait) => wait < TimeSpan.FromMinutes(2)
        ? localizer["Account.SignInDelayedSeconds", RetryAfter.Seconds(wait)]
        : localizer["Account.SignInDelayedMinutes", (int)Math.Ceiling(wait.TotalMinutes)];

    [HttpPost("logout")]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> Logout()
    {
        // A new security stamp makes every cookie issued before it invalid on every instance (checked on each request),
        // so a copy of the cookie kept from before the sign-out opens nothing.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/account/login");
    }

    [HttpGet("access-denied")]
    [AllowAnonymous]
    public IActionResult AccessDenied() => StatusCode(StatusCodes.Status403Forbidden);

    [HttpGet("setup")]
    [AllowAnonymous]
    public IActionResult Setup(string? token) =>
        setupToken.IsValid(token) ? View(new SetupInput { Token = token! }) : NotFound();

    [HttpPost("setup")]
    [AllowAnonymous]
    [EnableRateLimiting(SecuritySetup.LoginRateLimit)]
    public async Task<IActionResult> Setup(SetupInput input, [FromServices] IValidator<SetupInput> validator,
        [FromServices] AdministratorBootstrap bootstrap)
    {
        if (!setupToken.IsValid(input.Token))
        {
            return NotFound();
        }

        if (!(await validator.ValidateAsync(input)).AddTo(ModelState))
        {
            return View(input);
        }

        // Check everything before using the token up, so a refused password can be corrected on the same link.
        if (await users.FindByEmailAsync(input.Email.Trim()) is not null)
        {
            ModelState.AddModelError(nameof(input.Email), localizer["Identity.DuplicateEmail", input.Email]);
        }

        foreach (var passwordValidator in users.PasswordValidators)
        {
            (await passwordValidator.ValidateAsync(users, new AppUser(), input.Password)).AddTo(ModelState, nameof(input.Password));
        }

        if (!ModelState.IsValid || !setupToken.TryConsume(input.Token))
        {
            return ModelState.IsValid ? NotFound() : View(input);
        }

        var errors = await bootstrap.CreateAdministratorAsync(input.Email.Trim(), input.DisplayName.Trim(), input.Password);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", errors));
        }

        return LocalRedirect("/account/login");
    }

    [HttpGet("password")]
    [Authorize(Policy = Policies.SignedIn)]
    public IActionResult ChangePassword() => View(new ChangePasswordInput());

    [HttpPost("password")]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> ChangePassword(ChangePasswordInput input, [FromServices] IValidator<ChangePasswordInput> validator,
        [FromServices] TokenService tokens)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if ((await validator.ValidateAsync(input)).AddTo(ModelState) &&
            (await users.ChangePasswordAsync(user, input.CurrentPassword, input.NewPassword)).AddTo(ModelState))
        {
            // The new security stamp ends the other sessions at their next request; this one is signed in again with it.
            // Tokens made with the old password would outlive it: they are revoked, and the page says so.
            var revoked = await tokens.RevokeAllAsync(user.Id);
            await signIn.RefreshSignInAsync(user);
            TempData["Message"] = revoked == 0 ? localizer["Account.PasswordChanged"].Value : localizer["Account.PasswordChangedTokensRevoked", revoked].Value;
            return RedirectToAction(nameof(ChangePassword));
        }

        return View(new ChangePasswordInput());
    }
}
