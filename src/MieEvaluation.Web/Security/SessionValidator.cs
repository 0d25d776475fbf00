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
        var types = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = context.Principal?.FindFirst(types.UserIdClaimType)?.Value;
        // A cookie without a stamp claim cannot be checked against the account: refused like a stale one.
        var stamp = context.Principal?.FindFirst(types.SecurityStampClaimType)?.Value ?? "";
        var principal = userId is null ? null : await context.HttpContext.RequestServices.GetRequiredService<AccountPrincipals>()
            .LoadAsync(userId, stamp, IdentityConstants.ApplicationScheme, context.HttpContext.RequestAborted);
        if (principal is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        context.ReplacePrincipal(principal);
    }
}
