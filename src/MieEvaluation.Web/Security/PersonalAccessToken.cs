namespace MieEvaluation.Web.Security;

/// <summary>
/// A token for scripts, acting with its user's roles and expert groups. Only its SHA-256 hash is stored; the token
/// itself is shown once, when it is created.
/// </summary>
public sealed class PersonalAccessToken
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>Hex SHA-256 of the token.</summary>
    public required string Hash { get; set; }

    /// <summary>The first characters of the token, so its owner can tell tokens apart.</summary>
    public required string Prefix { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    public bool IsUsable(DateTime now) => RevokedAtUtc is null && ExpiresAtUtc > now;
}
