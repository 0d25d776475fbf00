namespace MieEvaluation.Domain.Review;

/// <summary>Why an expert may not score a base (or be put in a position to).</summary>
public enum ScorerRefusal
{
    /// <summary>The stage of the pass (the experts' review, or the cross review) is not open today.</summary>
    StageNotOpen,

    /// <summary>The expert is not a member of the group that scores the base in this pass.</summary>
    NotInGroup,

    /// <summary>The expert's organisation is the base itself: never allowed.</summary>
    OwnOrganisation,

    /// <summary>The round keeps experts from bases of their own province, and the base is in it.</summary>
    OwnProvince,

    /// <summary>The round keeps experts from their own province, and the expert's province is not recorded.</summary>
    ProvinceUnknown,

    /// <summary>The expert declared a conflict of interest with the base: they are off it for the round.</summary>
    ConflictDeclared,

    /// <summary>The expert already submitted their scores of the base: they are final.</summary>
    AlreadySubmitted,
}

/// <summary>An expert's seat in a group, as the conflict rules see it.</summary>
public sealed record ExpertSeat(string Organisation, string? ProvinceCode);

/// <summary>A base, as the conflict rules see it: its names (an expert's organisation is compared to both) and province.</summary>
public sealed record ScoredBase(string NameZh, string NameEn, string ProvinceCode);

/// <summary>
/// The one rule of who may score a base (docs/evaluation.md, "Conflicts of interest"): the group's experts only, never
/// of the base's own organisation, not of its province when the round says so, not after declaring a conflict, not
/// again once submitted, and only while the stage is open. The browser form, the paper import and the composition of
/// the groups all ask here.
/// </summary>
public static class ScorerEligibility
{
    /// <summary>The conflict of interest between a seat and a base, whatever the stage: what composing a group refuses.</summary>
    public static ScorerRefusal? Conflict(ExpertSeat seat, ScoredBase scored, bool excludeOwnProvince)
    {
        if (SameName(seat.Organisation, scored.NameZh) || SameName(seat.Organisation, scored.NameEn))
        {
            return ScorerRefusal.OwnOrganisation;
        }

        if (!excludeOwnProvince)
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(seat.ProvinceCode) ? ScorerRefusal.ProvinceUnknown
            : string.Equals(seat.ProvinceCode.Trim(), scored.ProvinceCode, StringComparison.OrdinalIgnoreCase) ? ScorerRefusal.OwnProvince
            : null;
    }

    /// <summary>
    /// Whether the expert may write a score of the base now. <paramref name="seats"/> are the expert's seats in the
    /// groups that score the base in this pass (none: not a member); the first refusal in the order of the enum wins.
    /// </summary>
    public static ScorerRefusal? Check(StageState stage, IReadOnlyCollection<ExpertSeat> seats, ScoredBase scored, bool excludeOwnProvince,
        bool conflictDeclared, bool submitted)
    {
        if (stage != StageState.Open)
        {
            return ScorerRefusal.StageNotOpen;
        }

        if (seats.Count == 0)
        {
            return ScorerRefusal.NotInGroup;
        }

        if (seats.Select(seat => Conflict(seat, scored, excludeOwnProvince)).FirstOrDefault(r => r is not null) is { } conflict)
        {
            return conflict;
        }

        return conflictDeclared ? ScorerRefusal.ConflictDeclared : submitted ? ScorerRefusal.AlreadySubmitted : null;
    }

    /// <summary>The stage in which a pass is scored.</summary>
    public static ReviewStage StageOf(ReviewPass pass) => pass == ReviewPass.Cross ? ReviewStage.CrossReview : ReviewStage.ExpertReview;

    private static bool SameName(string organisation, string baseName) =>
        string.Equals(organisation.Trim(), baseName.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>An expert's declaration of a conflict of interest with a base in a round: the audit row, never changed.</summary>
public class ExpertConflict
{
    public long Id { get; set; }

    public int RoundId { get; set; }

    public int BaseId { get; set; }

    public required string ExpertUserId { get; set; }

    public required string Reason { get; set; }

    public DateTime DeclaredAtUtc { get; set; }

    public string DeclaredBy { get; set; } = "";

    public const int ReasonLength = 1000;
}

/// <summary>The round's assignment of a base to a second group for the cross review.</summary>
public class CrossReviewAssignment
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public int BaseId { get; set; }

    /// <summary>The group that re-scores the base: never the base's own group of the year.</summary>
    public int GroupId { get; set; }

    public DateTime AssignedAtUtc { get; set; }

    public string AssignedBy { get; set; } = "";
}
