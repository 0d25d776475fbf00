namespace MieEvaluation.Web.Security;

/// <summary>What an administrator did to an account, why, and when: kept for the security review, never edited.</summary>
public sealed class AccountAuditEntry
{
    public long Id { get; set; }

    /// <summary>The account acted on.</summary>
    public required string UserId { get; set; }

    public AccountAction Action { get; set; }

    public required string Reason { get; set; }

    public required string ByUserId { get; set; }

    /// <summary>The administrator's name at the time, so the row still reads right after a rename or removal.</summary>
    public required string ByUserName { get; set; }

    public DateTime AtUtc { get; set; }
}

public enum AccountAction
{
    Disabled,
    Enabled,
}
