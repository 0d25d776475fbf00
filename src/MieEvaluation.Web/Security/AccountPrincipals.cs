using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Security;

/// <summary>
/// The principal of an account as it is now, for the session check and the token handler on every request: one
/// query for the account and its roles, instead of the five of Identity's claims factory (user, user claims, roles,
/// each role, its claims). The claims are those the factory makes — id, name, e-mail, security stamp, roles — under the
/// same claim types; the app stores no user or role claims of its own.
/// </summary>
public sealed class AccountPrincipals(MieDbContext db, IOptions<IdentityOptions> identityOptions)
{
    /// <summary>
    /// The account's principal, or null when it no longer exists, is disabled, or — when <paramref name="securityStamp"/>
    /// is given — has another security stamp (signed out, new password, disabled and enabled since).
    /// </summary>
    public async Task<ClaimsPrincipal?> LoadAsync(string userId, string? securityStamp, string authenticationType, CancellationToken cancellationToken = default)
    {
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.UserName,
                u.Email,
                u.SecurityStamp,
                u.DisabledAtUtc,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Name).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null || account.DisabledAtUtc is not null || (securityStamp is not null && account.SecurityStamp != securityStamp))
        {
            return null;
        }

        var types = identityOptions.Value.ClaimsIdentity;
        var identity = new ClaimsIdentity(authenticationType, types.UserNameClaimType, types.RoleClaimType);
        identity.AddClaim(new Claim(types.UserIdClaimType, userId));
        identity.AddClaim(new Claim(types.UserNameClaimType, account.UserName ?? ""));
        if (account.Email is not null)
        {
            identity.AddClaim(new Claim(types.EmailClaimType, account.Email));
        }

        if (account.SecurityStamp is not null)
        {
            identity.AddClaim(new Claim(types.SecurityStampClaimType, account.SecurityStamp));
        }

        foreach (var role in account.Roles.Where(r => r is not null))
        {
            identity.AddClaim(new Claim(types.RoleClaimType, role!));
        }

        return new ClaimsPrincipal(identity);
    }
}
