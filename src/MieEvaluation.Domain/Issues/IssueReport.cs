using MieEvaluation.Domain.Registry;

namespace MieEvaluation.Domain.Issues;

/// <summary>A problem an evaluator recorded for a base in an evaluation year.</summary>
public class IssueReport
{
    public int Id { get; set; }

    public int BaseId { get; set; }

    public DemonstrationBase Base { get; set; } = null!;

    public int Year { get; set; }

    public int CategoryId { get; set; }

    public IssueCategory Category { get; set; } = null!;

    public IssueSeverity Severity { get; set; } = IssueSeverity.Medium;

    public required string Text { get; set; }

    public IssueStatus Status { get; set; } = IssueStatus.Open;

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}
