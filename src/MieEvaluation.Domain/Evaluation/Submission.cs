using MieEvaluation.Domain.Registry;

namespace MieEvaluation.Domain.Evaluation;

/// <summary>The yearly form of one base: its values for one evaluation year.</summary>
public class Submission
{
    public int Id { get; set; }

    public int BaseId { get; set; }

    public DemonstrationBase Base { get; set; } = null!;

    public int Year { get; set; }

    public SubmissionStatus Status { get; set; } = SubmissionStatus.Draft;

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    public DateTime? ApprovedAtUtc { get; set; }

    /// <summary>
    /// Optimistic concurrency token. A GUID renewed on every save works the same on SQLite and SQL Server,
    /// where a rowversion column would not.
    /// </summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<IndicatorValue> Values { get; } = [];
}
