namespace MieEvaluation.Web.Data;

/// <summary>
/// An uploaded file between its preview and its confirmation, with what the preview saw. In the database, not on an
/// instance's disk, so that the confirmation may land on any instance behind the load balancer (docs/deploy-linux.md).
/// </summary>
public sealed class PendingUpload
{
    /// <summary>32 random hexadecimal digits, the only handle a client holds.</summary>
    public required string Token { get; set; }

    /// <summary>The account that uploaded it; nobody else may confirm it or see that it exists.</summary>
    public required string UserId { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>What the preview saw (the versions of the forms it would change), checked again at the confirmation.</summary>
    public string? Note { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }
}
