namespace MieEvaluation.Domain.Groups;

/// <summary>The two kinds of expertise an evaluation team combines.</summary>
public enum ExpertiseKind
{
    /// <summary>Subject-matter experts (专业).</summary>
    Professional,

    /// <summary>People who run innovation services and programmes (运营).</summary>
    Operational,
}
