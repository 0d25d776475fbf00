namespace MieEvaluation.Domain.Review;

/// <summary>The sections of a base's self-evaluation (基地自评估), in the order they are written.</summary>
public enum SelfEvaluationSection
{
    /// <summary>基本情况</summary>
    BasicSituation,

    /// <summary>主要成效</summary>
    Achievements,

    /// <summary>存在问题</summary>
    Problems,

    /// <summary>下一步工作</summary>
    NextSteps,
}

/// <summary>
/// A base's self-evaluation for a round, written by its contact while the stage is open: four sections and evidence
/// attachments (<see cref="Evidence"/>). Submitted once every section is written; final from then on.
/// </summary>
public class SelfEvaluation
{
    public const int SectionLength = 20000;

    public int Id { get; set; }

    public int RoundId { get; set; }

    public int BaseId { get; set; }

    public string BasicSituation { get; set; } = "";

    public string Achievements { get; set; } = "";

    public string Problems { get; set; } = "";

    public string NextSteps { get; set; } = "";

    public DateTime? SubmittedAtUtc { get; set; }

    public string? SubmittedBy { get; set; }

    /// <summary>Counts saves: a save from a page that read an older version is refused (optimistic concurrency).</summary>
    public int Version { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string UpdatedBy { get; set; } = "";

    public bool IsSubmitted => SubmittedAtUtc is not null;

    public string TextOf(SelfEvaluationSection section) => section switch
    {
        SelfEvaluationSection.BasicSituation => BasicSituation,
        SelfEvaluationSection.Achievements => Achievements,
        SelfEvaluationSection.Problems => Problems,
        _ => NextSteps,
    };

    /// <summary>The sections still empty: a self-evaluation is submitted only when there are none.</summary>
    public IReadOnlyList<SelfEvaluationSection> Missing() =>
        [.. Enum.GetValues<SelfEvaluationSection>().Where(s => string.IsNullOrWhiteSpace(TextOf(s)))];
}
