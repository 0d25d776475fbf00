namespace MieEvaluation.Domain.Scoring;

/// <summary>
/// One saved version of a scheme: the JSON as accepted (written back in the standard shape), never changed once
/// saved. Editing a scheme saves a new version; a published result names the version it used.
/// </summary>
public sealed class SchemeVersion
{
    public long Id { get; set; }

    public required string Code { get; set; }

    /// <summary>1, 2, 3 … per code.</summary>
    public int Version { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public required string Json { get; set; }

    public DateTime SavedAtUtc { get; set; }

    /// <summary>The account's name at the time.</summary>
    public required string SavedBy { get; set; }

    /// <summary>Shown as an illustration, not an official indicator system (the demo's scheme).</summary>
    public bool IsIllustration { get; set; }
}

/// <summary>
/// A data year's results under one scheme version, frozen when published: the results as computed then, with the
/// data version they were computed from, when and by whom. Withdrawing needs a reason and keeps the row.
/// </summary>
public sealed class ResultPublication
{
    public long Id { get; set; }

    public required string SchemeCode { get; set; }

    public int SchemeVersion { get; set; }

    public int DataYear { get; set; }

    /// <summary>The database's data version the results were computed from: a later one means values changed since.</summary>
    public long DataVersion { get; set; }

    /// <summary>The results as published (per base: total, rank, grade, coverage, dimension scores), JSON.</summary>
    public required string ResultsJson { get; set; }

    public DateTime PublishedAtUtc { get; set; }

    public required string PublishedBy { get; set; }

    public DateTime? WithdrawnAtUtc { get; set; }

    public string? WithdrawnBy { get; set; }

    public string? WithdrawalReason { get; set; }

    public bool IsWithdrawn => WithdrawnAtUtc is not null;
}
