namespace MieEvaluation.Domain.Issues;

public enum IssueStatus
{
    Open,
    Addressed,
}
