using MieEvaluation.Domain.Evaluation;

namespace MieEvaluation.Web.Services.DataEntry;

/// <summary>One indicator line of the form.</summary>
public sealed record FormRow(
    Indicator Indicator, string? Text, string? Comment, decimal? PreviousYear, IReadOnlyList<ValueWarning> Warnings);

/// <summary>An audit line as shown: who, when, what changed.</summary>
public sealed record AuditLine(DateTime AtUtc, string UserName, string? IndicatorZh, string? IndicatorEn, decimal? OldValue,
    decimal? NewValue, SubmissionStatus? OldStatus, SubmissionStatus? NewStatus, string? Comment, ChangeSource Source, string? SourceName);

/// <summary>Everything the yearly form page shows.</summary>
public sealed record YearlyFormPage(
    string BaseCode, string BaseZh, string BaseEn, int Year, SubmissionStatus? Status, Guid? Version,
    IReadOnlyList<FormRow> Rows, IReadOnlyList<AuditLine> Audit, bool CanEdit, bool CanReview);

/// <summary>What happened to a save or a workflow action.</summary>
public enum FormOutcome
{
    Saved,
    Invalid,
    NotFound,
    Forbidden,
    Locked,
    Conflict,
    NotAllowed,

    /// <summary>Returning or reopening without a reason.</summary>
    ReasonRequired,

    /// <summary>The database refused the write for another reason than a race (logged); nothing was written.</summary>
    Failed,
}
