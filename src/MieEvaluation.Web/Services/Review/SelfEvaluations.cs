using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Review;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Services.Review;

/// <summary>What a save of a self-evaluation came to.</summary>
public sealed record SelfEvaluationSave(IReadOnlyDictionary<string, string> FieldErrors, string? Refusal, bool Conflict)
{
    public bool Written => FieldErrors.Count == 0 && Refusal is null && !Conflict;
}

/// <summary>
/// The bases' self-evaluations (基地自评估): written by the base's contact while the stage is open, saved as drafts,
/// submitted once every section is written, final from then on.
/// </summary>
public sealed class SelfEvaluations(MieDbContext db, ReviewRounds rounds, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    public async Task<SelfEvaluation?> FindAsync(int roundId, int baseId, CancellationToken cancellationToken = default) =>
        await db.SelfEvaluations.AsNoTracking().SingleOrDefaultAsync(e => e.RoundId == roundId && e.BaseId == baseId, cancellationToken);

    /// <summary>The audit trail of the base's round: every step that is not a score, newest first.</summary>
    public async Task<IReadOnlyList<ReviewEvent>> HistoryAsync(int roundId, int baseId, CancellationToken cancellationToken = default) =>
        await db.ReviewEvents.AsNoTracking().Where(e => e.RoundId == roundId && e.BaseId == baseId).OrderByDescending(e => e.Id).ToListAsync(cancellationToken);

    /// <summary>Why the base's self-evaluation cannot be written now (stage not open, already submitted), or null.</summary>
    public string? Refusal(ReviewRound round, SelfEvaluation? saved)
    {
        if (saved?.IsSubmitted == true)
        {
            return localizer["SelfEvaluation.AlreadySubmitted"];
        }

        return round.StateOf(ReviewStage.SelfEvaluation, rounds.Today) == StageState.Open
            ? null
            : localizer["SelfEvaluation.StageNotOpen", ScorerRefusalText.Date(round.SelfEvaluationOpens), ScorerRefusalText.Date(round.SelfEvaluationCloses)].Value;
    }

    /// <summary>
    /// Writes the sections (each at most <see cref="SelfEvaluation.SectionLength"/> characters) unless the page read
    /// an older version; <paramref name="submit"/> needs every section written and makes it final.
    /// </summary>
    public async Task<SelfEvaluationSave> SaveAsync(ReviewRound round, int baseId, int readVersion, IReadOnlyDictionary<SelfEvaluationSection, string?> sections,
        bool submit, string by, CancellationToken cancellationToken = default)
    {
        var saved = await db.SelfEvaluations.SingleOrDefaultAsync(e => e.RoundId == round.Id && e.BaseId == baseId, cancellationToken);
        if (Refusal(round, saved) is { } refusal)
        {
            return new SelfEvaluationSave(new Dictionary<string, string>(), refusal, false);
        }

        if ((saved?.Version ?? 0) != readVersion)
        {
            return new SelfEvaluationSave(new Dictionary<string, string>(), null, true);
        }

        var errors = new Dictionary<string, string>();
        var texts = Enum.GetValues<SelfEvaluationSection>().ToDictionary(s => s, s => sections.GetValueOrDefault(s)?.Trim() ?? "");
        foreach (var (section, text) in texts)
        {
            if (text.Length > SelfEvaluation.SectionLength)
            {
                errors[section.ToString()] = localizer["SelfEvaluation.TooLong", localizer[$"SelfEvaluation.Section.{section}"].Value, SelfEvaluation.SectionLength];
            }
            else if (submit && text.Length == 0)
            {
                errors[section.ToString()] = localizer["SelfEvaluation.SectionMissing", localizer[$"SelfEvaluation.Section.{section}"].Value];
            }
        }

        if (errors.Count > 0)
        {
            return new SelfEvaluationSave(errors, null, false);
        }

        if (saved is null)
        {
            saved = new SelfEvaluation { RoundId = round.Id, BaseId = baseId };
            db.SelfEvaluations.Add(saved);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        (saved.BasicSituation, saved.Achievements, saved.Problems, saved.NextSteps) =
            (texts[SelfEvaluationSection.BasicSituation], texts[SelfEvaluationSection.Achievements], texts[SelfEvaluationSection.Problems], texts[SelfEvaluationSection.NextSteps]);
        (saved.UpdatedAtUtc, saved.UpdatedBy) = (now, by);
        saved.Version++;
        if (submit)
        {
            (saved.SubmittedAtUtc, saved.SubmittedBy) = (now, by);
        }

        db.ReviewEvents.Add(new ReviewEvent
        {
            RoundId = round.Id, BaseId = baseId, Kind = submit ? ReviewEventKind.SelfEvaluationSubmitted : ReviewEventKind.SelfEvaluationSaved,
            AtUtc = now, By = by,
        });

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DbErrors.IsLostRace(e))
        {
            return new SelfEvaluationSave(new Dictionary<string, string>(), null, true);
        }

        return new SelfEvaluationSave(errors, null, false);
    }

    /// <summary>The self-evaluation a file may be added to or removed from: an unsubmitted one, created empty when there is none yet.</summary>
    public async Task<(SelfEvaluation? Draft, string? Refusal)> DraftForEvidenceAsync(ReviewRound round, int baseId, string by, CancellationToken cancellationToken = default)
    {
        var saved = await db.SelfEvaluations.SingleOrDefaultAsync(e => e.RoundId == round.Id && e.BaseId == baseId, cancellationToken);
        if (Refusal(round, saved) is { } refusal)
        {
            return (null, refusal);
        }

        if (saved is null)
        {
            saved = new SelfEvaluation { RoundId = round.Id, BaseId = baseId, Version = 1, UpdatedAtUtc = clock.GetUtcNow().UtcDateTime, UpdatedBy = by };
            db.SelfEvaluations.Add(saved);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (DbErrors.IsLostRace(e))
            {
                db.ChangeTracker.Clear();
                saved = await db.SelfEvaluations.SingleAsync(x => x.RoundId == round.Id && x.BaseId == baseId, cancellationToken);
            }
        }

        return (saved, null);
    }
}
