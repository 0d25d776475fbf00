using Microsoft.AspNetCore.Identity;

namespace MieEvaluation.Web.Security;

/// <summary>An account. Roles come from Identity; group memberships from <c>ExpertGroupMember</c>.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
