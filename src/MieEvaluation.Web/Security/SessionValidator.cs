using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace MieEvaluation.Web.Security;

/// <summary>
/// Checks the session cookie against the account on every request, on whichever instance: the account must exist, be
/// enabled and still have the security stamp the cookie was issued with (a sign-out, a password change, a disabling
/// renews it). The principal is rebuilt from the account, so roles taken away count at once.
/// </summary>
/// <remarks>
/// Identity's own validator does the same at an interval, and re-issues the cookie at every check: with an interval of
/// zero every response would carry a new cookie, and no page could be cached. This one never re-issues it.
/// </remarks>
internal static class SessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<AppUser>>();
        var user = context.Principal is null ? null : await signIn.ValidateSecurityStampAsync(context.Principal);
        if (user is null || user.IsDisabled)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        context.ReplacePrincipal(await signIn.CreateUserPrincipalAsync(user));
    }
}
