namespace MieEvaluation.Web.Services.Import;

/// <summary>The <c>Import</c> section.</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>
    /// Uploads above this size are refused before parsing (default 64 MB: room for a long file of 1.44 million values,
    /// 12,000 bases × 10 years × 12 indicators, with some to spare). The web form's own request limit is 100 MB.
    /// </summary>
    public long MaxFileBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>How long a previewed upload waits for its confirmation before it is removed.</summary>
    public TimeSpan PendingLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Previewed uploads kept per user; a new one beyond it drops the oldest.</summary>
    public int MaxPendingPerUser { get; set; } = 3;
}
