namespace MieEvaluation.Domain.Review;

/// <summary>
/// A group's visit to a base (实地调研) in a round: the day, the members who went, what they found, the issues of the
/// register it raised, and its attachments (<see cref="Evidence"/>). Recorded by the group's leader.
/// </summary>
public class SiteVisit
{
    public const int FindingsLength = 20000;

    public int Id { get; set; }

    public int RoundId { get; set; }

    public int BaseId { get; set; }

    public int GroupId { get; set; }

    public DateOnly VisitedOn { get; set; }

    public string Findings { get; set; } = "";

    public List<SiteVisitMember> Members { get; } = [];

    public List<SiteVisitIssue> Issues { get; } = [];

    public int Version { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string UpdatedBy { get; set; } = "";
}

/// <summary>A member of the group who went on the visit.</summary>
public class SiteVisitMember
{
    public int SiteVisitId { get; set; }

    public required string UserId { get; set; }
}

/// <summary>An issue of the register (of the visited base) that the visit found or followed up.</summary>
public class SiteVisitIssue
{
    public int SiteVisitId { get; set; }

    public int IssueId { get; set; }
}

/// <summary>What happened in a round's procedure, for its audit trail.</summary>
public enum ReviewEventKind
{
    SelfEvaluationSaved,
    SelfEvaluationSubmitted,
    EvidenceAdded,
    EvidenceRemoved,
    SiteVisitRecorded,
    CrossReviewAssigned,
    CrossReviewUnassigned,
}

/// <summary>
/// One step of a round's procedure that is not a score (those have <see cref="ExpertScoreChange"/>, conflicts
/// <see cref="ExpertConflict"/>): who did what to which base, when. Appended, never updated or deleted.
/// </summary>
public class ReviewEvent
{
    public const int DetailLength = 400;

    public long Id { get; set; }

    public int RoundId { get; set; }

    public int BaseId { get; set; }

    public ReviewEventKind Kind { get; set; }

    /// <summary>What it concerned: a file's name, a group's name, a visit's day.</summary>
    public string? Detail { get; set; }

    public DateTime AtUtc { get; set; }

    public string By { get; set; } = "";
}
