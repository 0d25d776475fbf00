using MieEvaluation.Domain.Review;
using MieEvaluation.Web.Services.Review;

namespace MieEvaluation.Web.ViewModels.Review;

/// <summary>An expert's list of the bases they score in a round, both passes.</summary>
public sealed record ScoringListPage(ReviewRound Round, DateOnly Today, IReadOnlyList<ScoringAssignment> Assignments);

/// <summary>An expert's sheet for a base, with what they typed when a save was refused, and the conflict reason typed.</summary>
public sealed record ScoreSheetPage(ScoreSheet Sheet, ScoreSheetInput? Input, string? ConflictReason)
{
    public string ScoreOf(string criterion) =>
        Input is not null ? Input.Scores.GetValueOrDefault(criterion) ?? ""
        : Sheet.Own.TryGetValue(criterion, out var own) ? own.Score.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";

    public string CommentOf(string criterion) =>
        Input is not null ? Input.Comments.GetValueOrDefault(criterion) ?? "" : Sheet.Own.GetValueOrDefault(criterion)?.Comment ?? "";

    public bool CanWrite => Sheet.Refusal is null && Sheet.Criteria.Count > 0;
}

/// <summary>The sheet's form: a score and a comment per criterion code, and whether to save a draft or submit.</summary>
public sealed class ScoreSheetInput
{
    public Dictionary<string, string?> Scores { get; set; } = [];

    public Dictionary<string, string?> Comments { get; set; } = [];

    /// <summary>"save" keeps a draft; "submit" makes the scores final.</summary>
    public string? Command { get; set; }
}

/// <summary>The cross review's sample of a round: each base with its own group and its cross-reviewing group.</summary>
public sealed record CrossReviewPage(ReviewRound Round, IReadOnlyList<CrossReviewBase> Bases, IReadOnlyList<RoundGroup> Groups);

/// <summary>The experts' results of a round, or why there are none yet.</summary>
public sealed record RoundResultsPage(int DataYear, ExpertResultsDocument? Document, string? Refusal);
