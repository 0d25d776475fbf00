using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Review;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Services.Review;

/// <summary>What a save of a round's dates and settings came to.</summary>
public enum RoundSave
{
    Saved,

    /// <summary>Someone saved the round after the page was read: nothing is written (the page shows theirs).</summary>
    Conflict,
}

/// <summary>The evaluation rounds: one per data year, with its stages' dates and its settings.</summary>
public sealed partial class ReviewRounds(MieDbContext db, TimeProvider clock, ILogger<ReviewRounds> logger)
{
    public async Task<ReviewRound?> FindAsync(int dataYear, CancellationToken cancellationToken = default) =>
        await db.ReviewRounds.AsNoTracking().SingleOrDefaultAsync(r => r.DataYear == dataYear, cancellationToken);

    /// <summary>The round being held now (for the data year before this one), or null when none is set up.</summary>
    public Task<ReviewRound?> CurrentAsync(CancellationToken cancellationToken = default) => FindAsync(CurrentDataYear, cancellationToken);

    public const int FirstYear = EvaluationRound.FirstDataYear;

    public int CurrentDataYear => EvaluationRound.DataYear(clock.GetUtcNow());

    /// <summary>The data years a round can be for: from the first evaluation to next year's round.</summary>
    public int LastYear => CurrentDataYear + 1;

    public bool IsRoundYear(int dataYear) => dataYear >= FirstYear && dataYear <= LastYear;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<ReviewRound>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.ReviewRounds.AsNoTracking().OrderByDescending(r => r.DataYear).ToListAsync(cancellationToken);

    /// <summary>
    /// Writes the round's dates and settings (creating the round when <paramref name="readVersion"/> is 0 and none
    /// exists), unless it was saved by someone else since version <paramref name="readVersion"/> was read.
    /// </summary>
    public async Task<RoundSave> SaveAsync(int dataYear, int readVersion, Action<ReviewRound> change, string user, CancellationToken cancellationToken = default)
    {
        var round = await db.ReviewRounds.SingleOrDefaultAsync(r => r.DataYear == dataYear, cancellationToken);
        if ((round?.Version ?? 0) != readVersion)
        {
            return RoundSave.Conflict;
        }

        if (round is null)
        {
            round = new ReviewRound { DataYear = dataYear };
            db.ReviewRounds.Add(round);
        }

        change(round);
        round.Version++;
        round.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        round.UpdatedBy = user;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsLostRace(e))
        {
            return RoundSave.Conflict;
        }

        Saved(logger, dataYear, round.Version, user);
        return RoundSave.Saved;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Round of data year {DataYear} saved as version {Version} by {User}")]
    private static partial void Saved(ILogger logger, int dataYear, int version, string user);
}
