using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Security;

namespace MieEvaluation.Web.Services.Accounts;

/// <summary>
/// Disabling and enabling accounts: by an administrator, with a reason, audited. Disabling renews the security stamp
/// (every session ends at its next request, on every instance) and revokes the account's tokens.
/// </summary>
public sealed class AccountStatusService(MieDbContext db, UserManager<AppUser> users, TokenService tokens, TimeProvider clock)
{
    /// <summary>The account with its audit trail, newest first; null when there is no such account.</summary>
    public async Task<AccountStatus?> FindAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return null;
        }

        var history = await db.AccountAuditEntries.AsNoTracking().Where(a => a.UserId == id).OrderByDescending(a => a.AtUtc).ToListAsync();
        return new AccountStatus(user.Id, user.Email ?? "", user.DisplayName, user.DisabledAtUtc, user.DisabledReason, history);
    }

    public Task<AccountChange> DisableAsync(ClaimsPrincipal administrator, string id, string? reason) =>
        ChangeAsync(administrator, id, reason, AccountAction.Disabled);

    public Task<AccountChange> EnableAsync(ClaimsPrincipal administrator, string id, string? reason) =>
        ChangeAsync(administrator, id, reason, AccountAction.Enabled);

    private async Task<AccountChange> ChangeAsync(ClaimsPrincipal administrator, string id, string? reason, AccountAction action)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return AccountChange.NotFound;
        }

        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > AccountStatusRules.MaxReasonLength)
        {
            return AccountChange.ReasonRequired;
        }

        var byId = users.GetUserId(administrator)!;
        if (action == AccountAction.Disabled && byId == id)
        {
            return AccountChange.OwnAccount; // the last administrator could lock everyone out
        }

        if (user.IsDisabled == (action == AccountAction.Disabled))
        {
            return AccountChange.Unchanged;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        user.DisabledAtUtc = action == AccountAction.Disabled ? now : null;
        user.DisabledReason = action == AccountAction.Disabled ? trimmed : null;
        db.AccountAuditEntries.Add(new AccountAuditEntry
        {
            UserId = id, Action = action, Reason = trimmed, ByUserId = byId, ByUserName = administrator.Identity?.Name ?? byId, AtUtc = now,
        });
        await users.UpdateSecurityStampAsync(user); // saves the user and the audit row together
        if (action == AccountAction.Disabled)
        {
            await tokens.RevokeAllAsync(id);
        }

        return AccountChange.Done;
    }
}

/// <summary>An account's status page: who, whether disabled and why, and what administrators did.</summary>
public sealed record AccountStatus(string Id, string Email, string DisplayName, DateTime? DisabledAtUtc, string? DisabledReason,
    IReadOnlyList<AccountAuditEntry> History);

public enum AccountChange
{
    Done,
    Unchanged,
    NotFound,
    ReasonRequired,
    OwnAccount,
}
