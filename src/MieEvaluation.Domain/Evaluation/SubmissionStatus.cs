namespace MieEvaluation.Domain.Evaluation;

/// <summary>Draft → Submitted → Approved, or Returned (with a reason) → back to Draft.</summary>
public enum SubmissionStatus
{
    Draft,
    Submitted,
    Approved,
    Returned,
}
