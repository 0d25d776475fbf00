namespace MieEvaluation.Domain.Evaluation;

/// <summary>Where a change came from.</summary>
public enum ChangeSource
{
    Form,
    Import,
}

/// <summary>
/// One change of a value or of a form's status: appended, never updated or deleted (the database context refuses
/// both). A value change has an indicator; a status change has the two statuses.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    public int SubmissionId { get; set; }

    public int BaseId { get; set; }

    public int Year { get; set; }

    public int? IndicatorId { get; set; }

    public decimal? OldValue { get; set; }

    public decimal? NewValue { get; set; }

    public SubmissionStatus? OldStatus { get; set; }

    public SubmissionStatus? NewStatus { get; set; }

    /// <summary>The value's comment or the reason of a return or reopening.</summary>
    public string? Comment { get; set; }

    public ChangeSource Source { get; set; }

    /// <summary>The file name of an import.</summary>
    public string? SourceName { get; set; }

    public required string UserId { get; set; }

    public required string UserName { get; set; }

    public DateTime AtUtc { get; set; }
}
