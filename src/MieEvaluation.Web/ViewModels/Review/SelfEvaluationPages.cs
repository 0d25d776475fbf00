using MieEvaluation.Domain.Review;
using MieEvaluation.Web.Services.Registry;
using MieEvaluation.Web.Services.Review;

namespace MieEvaluation.Web.ViewModels.Review;

/// <summary>
/// A base's self-evaluation of a round: the text shown (null when there is none, or a draft the reader may not see),
/// its evidence, and for the contact whether and why not they may write.
/// </summary>
public sealed record SelfEvaluationPage(BaseName Base, ReviewRound Round, SelfEvaluation? Shown, bool Submitted, IReadOnlyList<EvidenceEntry> Evidence,
    string? Refusal, bool IsContact, SelfEvaluationInput? Input, string? EvidenceProblem, IReadOnlyList<ReviewEvent> History)
{
    public bool CanWrite => IsContact && Refusal is null;

    public string TextOf(SelfEvaluationSection section) =>
        Input?.Sections().GetValueOrDefault(section) ?? Shown?.TextOf(section) ?? "";

    public int Version => Input?.Version ?? Shown?.Version ?? 0;
}

/// <summary>The self-evaluation form: the four sections, the version read, and whether to save or submit.</summary>
public sealed class SelfEvaluationInput
{
    public string? BasicSituation { get; set; }

    public string? Achievements { get; set; }

    public string? Problems { get; set; }

    public string? NextSteps { get; set; }

    public int Version { get; set; }

    /// <summary>"save" keeps a draft; "submit" makes it final.</summary>
    public string? Command { get; set; }

    public IReadOnlyDictionary<SelfEvaluationSection, string?> Sections() => new Dictionary<SelfEvaluationSection, string?>
    {
        [SelfEvaluationSection.BasicSituation] = BasicSituation,
        [SelfEvaluationSection.Achievements] = Achievements,
        [SelfEvaluationSection.Problems] = Problems,
        [SelfEvaluationSection.NextSteps] = NextSteps,
    };
}
