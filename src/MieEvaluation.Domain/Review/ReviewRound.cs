namespace MieEvaluation.Domain.Review;

/// <summary>The steps of a round of the evaluation, in the order they are run.</summary>
public enum ReviewStage
{
    /// <summary>基地自评估: each base writes its self-evaluation with evidence.</summary>
    SelfEvaluation,

    /// <summary>专家函评: the experts of each base's group score it by correspondence.</summary>
    ExpertReview,

    /// <summary>实地调研: groups visit bases on site.</summary>
    SiteVisit,

    /// <summary>交叉互评: a second group re-scores a sample of another group's bases.</summary>
    CrossReview,
}

/// <summary>Where a stage stands on a day.</summary>
public enum StageState
{
    /// <summary>No opening date is set.</summary>
    NotScheduled,

    NotYetOpen,

    /// <summary>Open from its opening date to its closing date, both included (or with no closing date yet).</summary>
    Open,

    Closed,
}

/// <summary>
/// The evaluation round of one data year (the round held in 2026 is for data year 2025): the dates each stage opens
/// and closes, and the round's settings — per-expert normalisation, whether an expert may score a base of their own
/// province, the difference between a base's two groups that the cross review flags, and the scheme whose criteria
/// the experts score.
/// </summary>
public class ReviewRound
{
    public int Id { get; set; }

    public int DataYear { get; set; }

    public DateOnly? SelfEvaluationOpens { get; set; }

    public DateOnly? SelfEvaluationCloses { get; set; }

    public DateOnly? ExpertReviewOpens { get; set; }

    public DateOnly? ExpertReviewCloses { get; set; }

    public DateOnly? SiteVisitOpens { get; set; }

    public DateOnly? SiteVisitCloses { get; set; }

    public DateOnly? CrossReviewOpens { get; set; }

    public DateOnly? CrossReviewCloses { get; set; }

    /// <summary>Whether each expert's scores are normalised against lenient or harsh rating (docs/formulas.md, section 15).</summary>
    public bool NormalisePerExpert { get; set; }

    /// <summary>Whether an expert is kept from scoring a base in their own province (always from one of their own organisation).</summary>
    public bool ExcludeOwnProvince { get; set; }

    /// <summary>The difference between a base's two groups' mean scores above which the cross review flags it.</summary>
    public decimal CrossReviewThreshold { get; set; } = 10m;

    /// <summary>The scheme whose criteria the experts score; none before one is chosen.</summary>
    public string? SchemeCode { get; set; }

    /// <summary>Counts saves: a save from a page that read an older version is refused (optimistic concurrency).</summary>
    public int Version { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string UpdatedBy { get; set; } = "";

    public (DateOnly? Opens, DateOnly? Closes) DatesOf(ReviewStage stage) => stage switch
    {
        ReviewStage.SelfEvaluation => (SelfEvaluationOpens, SelfEvaluationCloses),
        ReviewStage.ExpertReview => (ExpertReviewOpens, ExpertReviewCloses),
        ReviewStage.SiteVisit => (SiteVisitOpens, SiteVisitCloses),
        _ => (CrossReviewOpens, CrossReviewCloses),
    };

    public StageState StateOf(ReviewStage stage, DateOnly today)
    {
        var (opens, closes) = DatesOf(stage);
        return opens is null ? StageState.NotScheduled
            : today < opens ? StageState.NotYetOpen
            : closes is { } last && today > last ? StageState.Closed
            : StageState.Open;
    }

    /// <summary>The stages whose dates cannot be: a closing date without an opening one, or before it.</summary>
    public static IReadOnlyList<ReviewStage> BadDates(Func<ReviewStage, (DateOnly? Opens, DateOnly? Closes)> dates) =>
        [.. Enum.GetValues<ReviewStage>().Where(stage =>
        {
            var (opens, closes) = dates(stage);
            return (opens is null && closes is not null) || (opens is { } first && closes is { } last && last < first);
        })];
}
