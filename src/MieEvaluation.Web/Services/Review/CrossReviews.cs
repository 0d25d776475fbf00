using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Review;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Services.Review;

/// <summary>A base of the round's year with its own group and the group assigned to cross-review it.</summary>
public sealed record CrossReviewBase(int BaseId, string Code, string NameZh, string NameEn, int? OwnGroupId, string? OwnGroup, int? CrossGroupId, string? CrossGroup,
    int CrossScores);

/// <summary>A group of the round's year.</summary>
public sealed record RoundGroup(int Id, string Name);

/// <summary>
/// The cross review's sample (交叉互评): the administrator assigns a base to a second group of the year, never its own,
/// never one with a member in conflict with the base; an assignment stays while the second group has scores of it.
/// </summary>
public sealed class CrossReviews(MieDbContext db, ReviewRounds rounds, ConflictsOfInterest conflictsOfInterest, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    public async Task<(IReadOnlyList<CrossReviewBase> Bases, IReadOnlyList<RoundGroup> Groups)> OverviewAsync(ReviewRound round, CancellationToken cancellationToken = default)
    {
        var groups = await db.ExpertGroups.AsNoTracking().Where(g => g.Year == round.DataYear).OrderBy(g => g.Name)
            .Select(g => new RoundGroup(g.Id, g.Name)).ToListAsync(cancellationToken);
        var names = groups.ToDictionary(g => g.Id, g => g.Name);
        var own = await db.ExpertGroupBases.AsNoTracking().Where(a => a.Year == round.DataYear).ToDictionaryAsync(a => a.BaseId, a => a.GroupId, cancellationToken);
        var cross = await db.CrossReviewAssignments.AsNoTracking().Where(a => a.RoundId == round.Id).ToDictionaryAsync(a => a.BaseId, a => a.GroupId, cancellationToken);
        var scored = await db.ExpertScores.AsNoTracking().Where(s => s.RoundId == round.Id && s.Pass == ReviewPass.Cross)
            .GroupBy(s => s.BaseId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var bases = await db.Bases.AsNoTracking().Where(b => own.Keys.Contains(b.Id)).OrderBy(b => b.Code).ToListAsync(cancellationToken);
        return ([.. bases.Select(b =>
        {
            int? ownGroup = own[b.Id];
            int? crossGroup = cross.TryGetValue(b.Id, out var g) ? g : null;
            return new CrossReviewBase(b.Id, b.Code, b.NameZh, b.NameEn, ownGroup, names.GetValueOrDefault(ownGroup.Value), crossGroup,
                crossGroup is { } id ? names.GetValueOrDefault(id) : null, scored.GetValueOrDefault(b.Id));
        })], groups);
    }

    /// <summary>Assigns the base to <paramref name="groupId"/> (null: takes it out of the sample); the localised reason when refused (nothing written).</summary>
    public async Task<string?> AssignAsync(ReviewRound round, int baseId, int? groupId, string by, CancellationToken cancellationToken = default)
    {
        if (round.StateOf(ReviewStage.CrossReview, rounds.Today) == StageState.Closed)
        {
            return localizer["CrossReview.Closed"];
        }

        var code = await db.Bases.Where(b => b.Id == baseId).Select(b => b.Code).SingleOrDefaultAsync(cancellationToken);
        var ownGroup = await db.ExpertGroupBases.Where(a => a.BaseId == baseId && a.Year == round.DataYear).Select(a => (int?)a.GroupId).SingleOrDefaultAsync(cancellationToken);
        if (code is null || ownGroup is null)
        {
            return localizer["CrossReview.NoOwnGroup", code ?? baseId.ToString(System.Globalization.CultureInfo.InvariantCulture), round.DataYear];
        }

        if (await db.ExpertScores.AnyAsync(s => s.RoundId == round.Id && s.Pass == ReviewPass.Cross && s.BaseId == baseId, cancellationToken))
        {
            return localizer["CrossReview.AlreadyScored", code];
        }

        var existing = await db.CrossReviewAssignments.SingleOrDefaultAsync(a => a.RoundId == round.Id && a.BaseId == baseId, cancellationToken);
        if (groupId is null)
        {
            if (existing is not null)
            {
                db.CrossReviewAssignments.Remove(existing);
                db.ReviewEvents.Add(new ReviewEvent { RoundId = round.Id, BaseId = baseId, Kind = ReviewEventKind.CrossReviewUnassigned, AtUtc = clock.GetUtcNow().UtcDateTime, By = by });
                await db.SaveChangesAsync(cancellationToken);
            }

            return null;
        }

        if (!await db.ExpertGroups.AnyAsync(g => g.Id == groupId && g.Year == round.DataYear, cancellationToken))
        {
            return localizer["CrossReview.UnknownGroup", round.DataYear];
        }

        if (groupId == ownGroup)
        {
            return localizer["CrossReview.OwnGroup", code];
        }

        var seats = await conflictsOfInterest.SeatsOfGroupAsync(groupId.Value, cancellationToken);
        var conflicts = await conflictsOfInterest.BetweenAsync(round.DataYear, seats, [baseId], cancellationToken);
        if (conflicts.Count > 0)
        {
            return conflicts[0];
        }

        existing ??= db.CrossReviewAssignments.Add(new CrossReviewAssignment { RoundId = round.Id, BaseId = baseId }).Entity;
        (existing.GroupId, existing.AssignedAtUtc, existing.AssignedBy) = (groupId.Value, clock.GetUtcNow().UtcDateTime, by);
        var group = await db.ExpertGroups.Where(g => g.Id == groupId).Select(g => g.Name).SingleAsync(cancellationToken);
        db.ReviewEvents.Add(new ReviewEvent { RoundId = round.Id, BaseId = baseId, Kind = ReviewEventKind.CrossReviewAssigned, Detail = group, AtUtc = existing.AssignedAtUtc, By = by });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsLostRace(e))
        {
            return localizer["CrossReview.Race", code];
        }

        return null;
    }
}
