using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Review;
using MieEvaluation.Domain.Scoring;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Services.Evaluation;

namespace MieEvaluation.Web.Services.Review;

/// <summary>A base an expert holds a seat for, in a pass, and where the expert stands with it.</summary>
public sealed record ScoringAssignment(ReviewPass Pass, int BaseId, string BaseCode, string NameZh, string NameEn, ScoringProgress Progress, string? Refusal);

public enum ScoringProgress
{
    NotStarted,
    Draft,
    Submitted,
    ConflictDeclared,
}

/// <summary>What the expert wrote on a criterion (their own, never a colleague's).</summary>
public sealed record OwnScore(decimal Score, string? Comment);

/// <summary>An expert's sheet for a base in a pass: the scheme's criteria, their own scores, and why they may not write, if so.</summary>
public sealed record ScoreSheet(ReviewRound Round, ReviewPass Pass, int BaseId, string BaseCode, string NameZh, string NameEn, IReadOnlyList<SchemeCriterion> Criteria,
    IReadOnlyDictionary<string, OwnScore> Own, ScoringProgress Progress, string? Refusal);

/// <summary>What a save of a sheet came to: the field errors (nothing written), or the refusal (nothing written), or written.</summary>
public sealed record SheetSave(IReadOnlyDictionary<string, string> FieldErrors, string? Refusal)
{
    public bool Written => FieldErrors.Count == 0 && Refusal is null;
}

/// <summary>
/// The experts' own scoring in the browser (专家函评 and 交叉互评): each expert sees and writes only their own scores —
/// blind — through the one <see cref="ScoringGate"/>; a draft is saved as often as wanted, a submission is final.
/// </summary>
public sealed class ExpertReviews(MieDbContext db, ScoringGate gate, SchemeStore schemes, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    public async Task<IReadOnlyList<ScoringAssignment>> AssignmentsAsync(ReviewRound round, string userId, string expert, CancellationToken cancellationToken = default)
    {
        var list = new List<ScoringAssignment>();
        foreach (var pass in Enum.GetValues<ReviewPass>())
        {
            var seats = await gate.SeatsAsync(round, pass, cancellationToken);
            var baseIds = seats.BasesOf(userId);
            var bases = await db.Bases.AsNoTracking().Where(b => baseIds.Contains(b.Id)).OrderBy(b => b.Code).ToListAsync(cancellationToken);
            var drafts = await db.ExpertScores.AsNoTracking().Where(s => s.RoundId == round.Id && s.Pass == pass && s.ExpertUserId == userId)
                .Select(s => s.BaseId).Distinct().ToListAsync(cancellationToken);
            list.AddRange(bases.Select(b => new ScoringAssignment(pass, b.Id, b.Code, b.NameZh, b.NameEn, Progress(seats, b.Id, userId, drafts.Contains(b.Id)),
                Refusal(seats, b.Id, userId, expert, b.Code))));
        }

        return list;
    }

    /// <summary>The expert's sheet, or null when the base is unknown or the expert holds no seat for it in this pass.</summary>
    public async Task<ScoreSheet?> SheetAsync(ReviewRound round, ReviewPass pass, string baseCode, string userId, string expert, CancellationToken cancellationToken = default)
    {
        var found = await db.Bases.AsNoTracking().SingleOrDefaultAsync(b => b.Code == baseCode, cancellationToken);
        var seats = await gate.SeatsAsync(round, pass, cancellationToken);
        if (found is null || !seats.BasesOf(userId).Contains(found.Id))
        {
            return null;
        }

        var own = await db.ExpertScores.AsNoTracking()
            .Where(s => s.RoundId == round.Id && s.Pass == pass && s.BaseId == found.Id && s.ExpertUserId == userId)
            .ToDictionaryAsync(s => s.Criterion, s => new OwnScore(s.Score, s.Comment), cancellationToken);
        return new ScoreSheet(round, pass, found.Id, found.Code, found.NameZh, found.NameEn, await CriteriaAsync(round, cancellationToken), own,
            Progress(seats, found.Id, userId, own.Count > 0), Refusal(seats, found.Id, userId, expert, found.Code));
    }

    /// <summary>
    /// Checks every field of the sheet (a score from 0 to the criterion's maximum with at most two decimals, a comment
    /// within its length; every criterion scored to submit; no field for a criterion the scheme lacks), then writes
    /// through the gate. Any error: nothing is written.
    /// </summary>
    public async Task<SheetSave> SaveAsync(ScoreSheet sheet, string userId, string by, IReadOnlyDictionary<string, string?> scores,
        IReadOnlyDictionary<string, string?> comments, bool submit, CancellationToken cancellationToken = default)
    {
        if (sheet.Refusal is not null)
        {
            return new SheetSave(new Dictionary<string, string>(), sheet.Refusal);
        }

        var errors = new Dictionary<string, string>();
        var known = sheet.Criteria.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in scores.Keys.Concat(comments.Keys).Where(k => !known.Contains(k)).Distinct())
        {
            errors[$"Scores[{unknown}]"] = localizer["ExpertScores.UnknownCriterion", unknown, string.Join(", ", known)];
        }

        var writes = new List<ScoreWrite>();
        foreach (var criterion in sheet.Criteria)
        {
            var text = scores.GetValueOrDefault(criterion.Code)?.Trim() ?? "";
            var comment = comments.GetValueOrDefault(criterion.Code)?.Trim() ?? "";
            if (comment.Length > ExpertScoreLimits.CommentLength)
            {
                errors[$"Comments[{criterion.Code}]"] = localizer["ExpertScores.CommentTooLong", ExpertScoreLimits.CommentLength];
            }

            if (text.Length == 0)
            {
                if (submit)
                {
                    errors[$"Scores[{criterion.Code}]"] = localizer["Scoring.Missing", criterion.Code];
                }

                continue;
            }

            if (!ExpertScoreLimits.TryRead(text, criterion.MaxScore, out var score))
            {
                errors[$"Scores[{criterion.Code}]"] = localizer["ExpertScores.BadScore", text, criterion.MaxScore.ToString(CultureInfo.InvariantCulture)];
                continue;
            }

            writes.Add(new ScoreWrite(sheet.BaseId, userId, criterion.Code, score, comment.Length == 0 ? null : comment));
        }

        if (errors.Count > 0)
        {
            return new SheetSave(errors, null);
        }

        await gate.WriteAsync(sheet.Round, sheet.Pass, writes, by, ChangeSource.Form, null, submit, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return new SheetSave(errors, null);
    }

    /// <summary>Declares the expert's conflict with the base: they leave it for the round (both passes), with the audit row.</summary>
    public async Task<string?> DeclareConflictAsync(ScoreSheet sheet, string userId, string by, string? reason, CancellationToken cancellationToken = default)
    {
        var text = reason?.Trim() ?? "";
        if (text.Length == 0 || text.Length > ExpertConflict.ReasonLength)
        {
            return localizer["Scoring.ConflictReason", ExpertConflict.ReasonLength];
        }

        if (sheet.Progress == ScoringProgress.ConflictDeclared)
        {
            return localizer["Scoring.Refusal.ConflictDeclared", by, sheet.BaseCode, sheet.Round.DataYear];
        }

        await gate.DeclareConflictAsync(sheet.Round, sheet.BaseId, userId, text, by, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return null;
    }

    private async Task<IReadOnlyList<SchemeCriterion>> CriteriaAsync(ReviewRound round, CancellationToken cancellationToken) =>
        round.SchemeCode is { } code && await schemes.FindAsync(code, cancellationToken: cancellationToken) is { } scheme ? scheme.Scheme.Criteria : [];

    private static ScoringProgress Progress(ScoringSeats seats, int baseId, string userId, bool anyScore) =>
        seats.HasDeclaredConflict(baseId, userId) ? ScoringProgress.ConflictDeclared
        : seats.HasSubmitted(baseId, userId) ? ScoringProgress.Submitted
        : anyScore ? ScoringProgress.Draft : ScoringProgress.NotStarted;

    private string? Refusal(ScoringSeats seats, int baseId, string userId, string expert, string baseCode) =>
        seats.Check(baseId, userId) is { } refusal ? ScorerRefusalText.Of(localizer, refusal, expert, baseCode, seats.Round, seats.Pass) : null;
}
