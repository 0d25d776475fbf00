using Microsoft.EntityFrameworkCore;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Security;

/// <summary>A sign-in attempt's three counts: the e-mail from the address, the e-mail, the address.</summary>
public sealed record SignInAttemptKeys(string Email, string Address)
{
    public IEnumerable<(string Email, string Address)> Counts =>
        [(Email, Address), (Email, ""), ("", Address)];
}

/// <summary>A count an administrator sees: whose, how many failures, and until when it delays sign-ins.</summary>
public sealed record SignInThrottleRow(long Id, SignInThrottleKind Kind, string Email, string Address, int Failures,
    DateTime LastFailureUtc, DateTime? DelayedUntilUtc);

/// <summary>
/// The failed sign-in counts (<see cref="SignInThrottle"/>), in the database so that all instances share them. Each
/// failure is one atomic increment, so instances counting at once lose no failure.
/// </summary>
public sealed class SignInThrottleStore(MieDbContext db, TimeProvider clock)
{
    /// <summary>The latest time any of the attempt's counts delays it to, or null when it may go ahead.</summary>
    public async Task<DateTime?> DelayedUntilAsync(SignInAttemptKeys keys)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await Matching(keys).AsNoTracking().ToListAsync();
        return rows.Select(r => SignInThrottlePolicy.DelayedUntil(r.Kind, r.Failures, r.LastFailureUtc, now)).Max();
    }

    public async Task RecordFailureAsync(SignInAttemptKeys keys)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Forgotten counts go first (of every e-mail and address: the table stays small), so what is left only grows.
        await db.SignInThrottles.Where(t => t.LastFailureUtc <= now - SignInThrottlePolicy.ForgetAfter).ExecuteDeleteAsync();
        foreach (var (email, address) in keys.Counts)
        {
            var row = db.SignInThrottles.Where(t => t.Email == email && t.Address == address);
            if (await IncrementAsync(row, now) > 0)
            {
                continue;
            }

            db.SignInThrottles.Add(new SignInThrottle { Email = email, Address = address, Failures = 1, LastFailureUtc = now });
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Another instance inserted the same count between the update and the insert: count on its row.
                db.ChangeTracker.Clear();
                await IncrementAsync(row, now);
            }
        }
    }

    private static Task<int> IncrementAsync(IQueryable<SignInThrottle> row, DateTime now) =>
        row.ExecuteUpdateAsync(s => s.SetProperty(t => t.Failures, t => t.Failures + 1).SetProperty(t => t.LastFailureUtc, now));

    /// <summary>
    /// After a successful sign-in: the e-mail's counts start again. The address's count does not, or a guesser could
    /// clear it by signing in to an account of their own between guesses.
    /// </summary>
    public Task ForgetEmailAsync(SignInAttemptKeys keys) =>
        db.SignInThrottles.Where(t => t.Email == keys.Email).ExecuteDeleteAsync();

    /// <summary>The counts not yet forgotten, those delaying sign-ins first.</summary>
    public async Task<IReadOnlyList<SignInThrottleRow>> ActiveAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var forgotten = now - SignInThrottlePolicy.ForgetAfter;
        var rows = await db.SignInThrottles.AsNoTracking().Where(t => t.LastFailureUtc > forgotten).ToListAsync();
        return [.. rows
            .Select(r => new SignInThrottleRow(r.Id, r.Kind, r.Email, r.Address, r.Failures, r.LastFailureUtc,
                SignInThrottlePolicy.DelayedUntil(r.Kind, r.Failures, r.LastFailureUtc, now)))
            .OrderByDescending(r => r.DelayedUntilUtc.HasValue).ThenByDescending(r => r.LastFailureUtc)];
    }

    /// <summary>Removes one count; null when there is none with that id (already cleared or forgotten).</summary>
    public async Task<SignInThrottleRow?> ClearAsync(long id)
    {
        var row = await db.SignInThrottles.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id);
        if (row is null)
        {
            return null;
        }

        await db.SignInThrottles.Where(t => t.Id == id).ExecuteDeleteAsync();
        return new SignInThrottleRow(row.Id, row.Kind, row.Email, row.Address, row.Failures, row.LastFailureUtc, null);
    }

    private IQueryable<SignInThrottle> Matching(SignInAttemptKeys keys) =>
        db.SignInThrottles.Where(t =>
            (t.Email == keys.Email && (t.Address == keys.Address || t.Address == "")) || (t.Email == "" && t.Address == keys.Address));
}
