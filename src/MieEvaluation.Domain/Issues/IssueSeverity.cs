namespace MieEvaluation.Domain.Issues;

public enum IssueSeverity
{
    Low,
    Medium,
    High,
}
