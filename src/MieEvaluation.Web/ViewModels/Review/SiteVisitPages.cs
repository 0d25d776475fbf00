using MieEvaluation.Domain.Review;
using MieEvaluation.Web.Services.Registry;
using MieEvaluation.Web.Services.Review;

namespace MieEvaluation.Web.ViewModels.Review;

/// <summary>A base's site visits in a round, and for the group's leader the form to record one.</summary>
public sealed record SiteVisitPage(BaseName Base, ReviewRound Round, IReadOnlyList<SiteVisitEntry> Visits, SiteVisitChoices Choices, string? Refusal,
    bool CanRecord, SiteVisitInput Input, string? EvidenceProblem)
{
    public bool FormOpen => CanRecord && Refusal is null;
}

/// <summary>The visit form: the day, the members who went, the findings, the base's issues it concerns.</summary>
public sealed class SiteVisitInput
{
    public DateOnly? VisitedOn { get; set; }

    public List<string> MemberIds { get; set; } = [];

    public string? Findings { get; set; }

    public List<int> IssueIds { get; set; } = [];

    public SiteVisitRecord ToRecord() => new(VisitedOn, MemberIds, Findings, IssueIds);
}
