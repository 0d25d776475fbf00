using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MieEvaluation.Web.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c> for the HTTP API. The principal is built exactly as for a sign-in, so a
/// token acts with its user's current roles; a locked-out user's tokens stop working.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    TokenService tokens, UserManager<AppUser> users, SignInManager<AppUser> signIn)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (token.Length is < 10 or > 200 || await tokens.UserOfAsync(token) is not { } userId ||
            await users.FindByIdAsync(userId) is not { } user || user.IsDisabled)
        {
            return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
