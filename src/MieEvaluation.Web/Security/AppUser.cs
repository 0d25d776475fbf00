using Microsoft.AspNetCore.Identity;

namespace MieEvaluation.Web.Security;

/// <summary>An account. Roles come from Identity; group memberships from <c>ExpertGroupMember</c>.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The one base a base contact (<see cref="Roles.BaseContact"/>) writes for and sees; null for every other account.</summary>
    public int? BaseId { get; set; }

    /// <summary>
    /// When an administrator disabled the account; null while it is enabled. A disabled account cannot sign in, its
    /// sessions end at their next request and its tokens stop working (<see cref="AccountStatusRules"/>).
    /// </summary>
    public DateTime? DisabledAtUtc { get; set; }

    public string? DisabledReason { get; set; }

    public bool IsDisabled => DisabledAtUtc is not null;
}

/// <summary>Limits of the account status changes.</summary>
public static class AccountStatusRules
{
    public const int MaxReasonLength = 500;
}

/// <summary>
/// Identity asks this before every sign-in (with <c>SignIn.RequireConfirmedAccount</c>): a disabled account is "not
/// allowed", whatever its password.
/// </summary>
internal sealed class EnabledAccountConfirmation : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(!user.IsDisabled);
}
