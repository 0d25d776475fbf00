namespace MieEvaluation.Domain.Evaluation;

/// <summary>
/// One reported figure: a base's value of one indicator in one year, or an explained gap — no value (null) with a
/// comment saying why the base reported none. Gaps count for the submit rules, never in the figures.
/// </summary>
public class IndicatorValue
{
    public int Id { get; set; }

    public int SubmissionId { get; set; }

    public Submission Submission { get; set; } = null!;

    public int IndicatorId { get; set; }

    public Indicator Indicator { get; set; } = null!;

    public decimal? Value { get; set; }

    public string? Comment { get; set; }
}
