using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MieEvaluation.Web.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c> for the HTTP API. The principal is the account's as it is now
/// (<see cref="AccountPrincipals"/>), so a token acts with its user's current roles; a disabled user's tokens stop working.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    TokenService tokens, AccountPrincipals principals)
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
            await principals.LoadAsync(userId, null, SchemeName, Context.RequestAborted) is not { } principal)
        {
            return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
