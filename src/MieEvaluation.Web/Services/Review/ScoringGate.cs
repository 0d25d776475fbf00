using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Review;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Services.Review;

/// <summary>One score to write: a base, an expert, a criterion, the score and its comment.</summary>
public sealed record ScoreWrite(int BaseId, string ExpertUserId, string Criterion, decimal Score, string? Comment);

/// <summary>
/// Who may score which base in a pass of a round, as of today: every seat, declared conflict and submission, loaded
/// once, and judged by the Domain's one rule (<see cref="ScorerEligibility"/>).
/// </summary>
public sealed class ScoringSeats(ReviewRound round, ReviewPass pass, StageState stage, ILookup<(string UserId, int BaseId), ExpertSeat> seats,
    IReadOnlyDictionary<int, ScoredBase> bases, IReadOnlySet<(string UserId, int BaseId)> conflicts,
    IReadOnlyDictionary<(string UserId, int BaseId), ChangeSource> submitted)
{
    public ReviewRound Round => round;

    public ReviewPass Pass => pass;

    public StageState Stage => stage;

    /// <summary>
    /// Why the expert may not write scores of the base now, or null. A paper import (<paramref name="byImport"/>) may
    /// rewrite scores an earlier import submitted, never those the expert submitted in the browser.
    /// </summary>
    public ScorerRefusal? Check(int baseId, string expertUserId, bool byImport = false) =>
        ScorerEligibility.Check(stage, [.. seats[(expertUserId, baseId)]], bases[baseId], round.ExcludeOwnProvince,
            conflicts.Contains((expertUserId, baseId)),
            submitted.TryGetValue((expertUserId, baseId), out var source) && (!byImport || source != ChangeSource.Import));

    /// <summary>The bases the expert holds a seat for in this pass (conflicts and submissions included: the pages show them).</summary>
    public IReadOnlyList<int> BasesOf(string expertUserId) =>
        [.. seats.Where(s => s.Key.UserId == expertUserId).Select(s => s.Key.BaseId).Distinct()];

    public bool HasDeclaredConflict(int baseId, string expertUserId) => conflicts.Contains((expertUserId, baseId));

    public bool HasSubmitted(int baseId, string expertUserId) => submitted.ContainsKey((expertUserId, baseId));
}

/// <summary>The localised reason of a refusal, naming the expert and the base.</summary>
public static class ScorerRefusalText
{
    public static string Of(Microsoft.Extensions.Localization.IStringLocalizer localizer, ScorerRefusal refusal, string expert, string baseCode, ReviewRound round,
        ReviewPass pass)
    {
        if (refusal != ScorerRefusal.StageNotOpen)
        {
            return Of(localizer, refusal, expert, baseCode, round.DataYear);
        }

        return StageNotOpen(localizer, round, ScorerEligibility.StageOf(pass));
    }

    /// <summary>Why nothing can be recorded for a stage now: it is not open, with its dates.</summary>
    public static string StageNotOpen(Microsoft.Extensions.Localization.IStringLocalizer localizer, ReviewRound round, ReviewStage stage)
    {
        var (opens, closes) = round.DatesOf(stage);
        return localizer["Scoring.Refusal.StageNotOpen", localizer[$"Round.Stage.{stage}"].Value, Date(opens), Date(closes)];
    }

    /// <summary>A refusal that is not about the stage: who, which base, which data year.</summary>
    public static string Of(Microsoft.Extensions.Localization.IStringLocalizer localizer, ScorerRefusal refusal, string expert, string baseCode, int dataYear) =>
        localizer[$"Scoring.Refusal.{refusal}", expert, baseCode, dataYear];

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "—";
}

/// <summary>
/// The one gate every expert score passes, typed in the browser or imported from paper: it loads who may score
/// (<see cref="SeatsAsync"/>) and writes the scores with their change rows in one save (<see cref="WriteAsync"/>).
/// </summary>
public sealed class ScoringGate(MieDbContext db, ReviewRounds rounds)
{
    public async Task<ScoringSeats> SeatsAsync(ReviewRound round, ReviewPass pass, CancellationToken cancellationToken = default)
    {
        // The groups that score each base in this pass: its own group of the year, or the one assigned to cross-review it.
        var scoringGroups = pass == ReviewPass.Expert
            ? await db.ExpertGroupBases.AsNoTracking().Where(a => a.Year == round.DataYear).Select(a => new { a.BaseId, a.GroupId }).ToListAsync(cancellationToken)
            : await db.CrossReviewAssignments.AsNoTracking().Where(a => a.RoundId == round.Id).Select(a => new { a.BaseId, a.GroupId }).ToListAsync(cancellationToken);
        var groupIds = scoringGroups.Select(g => g.GroupId).Distinct().ToList();
        var members = (await db.ExpertGroupMembers.AsNoTracking().Where(m => groupIds.Contains(m.GroupId))
            .Select(m => new { m.GroupId, m.UserId, m.Organisation, m.ProvinceCode }).ToListAsync(cancellationToken)).ToLookup(m => m.GroupId);
        var seats = scoringGroups.SelectMany(g => members[g.GroupId].Select(m => (Key: (m.UserId, g.BaseId), Seat: new ExpertSeat(m.Organisation, m.ProvinceCode))))
            .ToLookup(s => s.Key, s => s.Seat);
        var bases = (await db.Bases.AsNoTracking().Select(b => new { b.Id, Scored = new ScoredBase(b.NameZh, b.NameEn, b.Province.Code) }).ToListAsync(cancellationToken))
            .ToDictionary(b => b.Id, b => b.Scored);
        var conflicts = (await db.ExpertConflicts.AsNoTracking().Where(c => c.RoundId == round.Id).Select(c => new { c.ExpertUserId, c.BaseId }).ToListAsync(cancellationToken))
            .Select(c => (c.ExpertUserId, c.BaseId)).ToHashSet();
        var submitted = (await db.ExpertScores.AsNoTracking().Where(s => s.RoundId == round.Id && s.Pass == pass && s.SubmittedAtUtc != null)
                .Select(s => new { s.ExpertUserId, s.BaseId, s.Source }).ToListAsync(cancellationToken))
            .GroupBy(s => (s.ExpertUserId, s.BaseId))
            .ToDictionary(g => g.Key, g => g.Any(s => s.Source == ChangeSource.Form) ? ChangeSource.Form : ChangeSource.Import);
        return new ScoringSeats(round, pass, round.StateOf(ScorerEligibility.StageOf(pass), rounds.Today), seats, bases, conflicts, submitted);
    }

    /// <summary>
    /// Writes the scores (already checked against <see cref="SeatsAsync"/>), each change with its row in
    /// <see cref="ExpertScoreChange"/>, in one save: one transaction. <paramref name="submit"/> makes them final.
    /// </summary>
    public async Task WriteAsync(ReviewRound round, ReviewPass pass, IReadOnlyCollection<ScoreWrite> writes, string by, ChangeSource source, string? fileName,
        bool submit, DateTime now, CancellationToken cancellationToken = default)
    {
        var baseIds = writes.Select(w => w.BaseId).Distinct().ToList();
        var existing = await db.ExpertScores.Where(s => s.RoundId == round.Id && s.Pass == pass && baseIds.Contains(s.BaseId))
            .ToDictionaryAsync(s => (s.BaseId, s.ExpertUserId, s.Criterion), cancellationToken);
        foreach (var write in writes)
        {
            existing.TryGetValue((write.BaseId, write.ExpertUserId, write.Criterion), out var score);
            if (score is not null && score.Score == write.Score && score.Comment == write.Comment && (score.SubmittedAtUtc is not null || !submit))
            {
                continue;
            }

            db.ExpertScoreChanges.Add(new ExpertScoreChange
            {
                RoundId = round.Id, Pass = pass, BaseId = write.BaseId, ExpertUserId = write.ExpertUserId, Criterion = write.Criterion, OldScore = score?.Score,
                NewScore = write.Score, Comment = write.Comment, Submitted = submit, ChangedAtUtc = now, ChangedBy = by, Source = source, FileName = fileName,
            });
            if (score is null)
            {
                score = new RecordedExpertScore { RoundId = round.Id, Pass = pass, BaseId = write.BaseId, ExpertUserId = write.ExpertUserId, Criterion = write.Criterion };
                db.ExpertScores.Add(score);
            }

            (score.Score, score.Comment, score.RecordedAtUtc, score.RecordedBy, score.Source) = (write.Score, write.Comment, now, by, source);
            score.SubmittedAtUtc = submit ? now : null;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Records an expert's declared conflict with a base (the audit row) and removes their scores of it in both passes,
    /// each removal with its change row; one save.
    /// </summary>
    public async Task DeclareConflictAsync(ReviewRound round, int baseId, string expertUserId, string reason, string by, DateTime now,
        CancellationToken cancellationToken = default)
    {
        db.ExpertConflicts.Add(new ExpertConflict { RoundId = round.Id, BaseId = baseId, ExpertUserId = expertUserId, Reason = reason, DeclaredAtUtc = now, DeclaredBy = by });
        foreach (var score in await db.ExpertScores.Where(s => s.RoundId == round.Id && s.BaseId == baseId && s.ExpertUserId == expertUserId).ToListAsync(cancellationToken))
        {
            db.ExpertScoreChanges.Add(new ExpertScoreChange
            {
                RoundId = round.Id, Pass = score.Pass, BaseId = baseId, ExpertUserId = expertUserId, Criterion = score.Criterion, OldScore = score.Score,
                NewScore = null, Comment = reason, ChangedAtUtc = now, ChangedBy = by, Source = ChangeSource.Form,
            });
            db.ExpertScores.Remove(score);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
