using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Security;

/// <summary>
/// Which bases an evaluator may write for in a year: those assigned to one of their expert groups of that year.
/// Every write action (form, import row, issue) asks here on the server; the UI only mirrors it.
/// </summary>
public sealed class EvaluatorScope(MieDbContext db, UserManager<AppUser> users)
{
    /// <summary>Whether the user is an evaluator of the base's group in <paramref name="year"/> (null: in any year).</summary>
    public async Task<bool> CanWriteAsync(ClaimsPrincipal user, int baseId, int? year, CancellationToken cancellationToken = default)
    {
        var userId = EvaluatorId(user);
        return userId is not null && await db.ExpertGroupBases.AnyAsync(
            a => a.BaseId == baseId && (year == null || a.Group.Year == year) && a.Group.Members.Any(m => m.UserId == userId), cancellationToken);
    }

    /// <summary>The ids of the bases the user may write for in <paramref name="year"/>; empty for non-evaluators.</summary>
    public async Task<IReadOnlySet<int>> WritableBaseIdsAsync(ClaimsPrincipal user, int year, CancellationToken cancellationToken = default)
    {
        var userId = EvaluatorId(user);
        if (userId is null)
        {
            return new HashSet<int>();
        }

        return await db.ExpertGroupBases
            .Where(a => a.Group.Year == year && a.Group.Members.Any(m => m.UserId == userId))
            .Select(a => a.BaseId)
            .ToHashSetAsync(cancellationToken);
    }

    /// <summary>Whether the user is the contact of the base (<see cref="Roles.BaseContact"/>, bound to it).</summary>
    public async Task<bool> IsContactOfAsync(ClaimsPrincipal user, int baseId, CancellationToken cancellationToken = default) =>
        await ContactBaseIdAsync(user, cancellationToken) == baseId;

    /// <summary>The base a base contact is bound to; null for every other account.</summary>
    public async Task<int?> ContactBaseIdAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.IsInRole(Roles.BaseContact) ? users.GetUserId(user) : null;
        return userId is null ? null : await db.Users.Where(u => u.Id == userId).Select(u => u.BaseId).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Whether the user is an expert of a group that scores the base in the data year: its own, or its cross-reviewing group.</summary>
    public async Task<bool> ScoresAsync(ClaimsPrincipal user, int baseId, int dataYear, CancellationToken cancellationToken = default)
    {
        var userId = EvaluatorId(user);
        return userId is not null && (await CanWriteAsync(user, baseId, dataYear, cancellationToken)
            || await (from a in db.CrossReviewAssignments
                      join r in db.ReviewRounds on a.RoundId equals r.Id
                      join m in db.ExpertGroupMembers on a.GroupId equals m.GroupId
                      where r.DataYear == dataYear && a.BaseId == baseId && m.UserId == userId
                      select a.Id).AnyAsync(cancellationToken));
    }

    /// <summary>Whether the user leads the base's own group in the year.</summary>
    public async Task<bool> LeadsAsync(ClaimsPrincipal user, int baseId, int year, CancellationToken cancellationToken = default)
    {
        var userId = EvaluatorId(user);
        return userId is not null && await db.ExpertGroupBases.AnyAsync(
            a => a.BaseId == baseId && a.Group.Year == year && a.Group.Members.Any(m => m.UserId == userId && m.IsLeader), cancellationToken);
    }

    private string? EvaluatorId(ClaimsPrincipal user) => user.IsInRole(Roles.Evaluator) ? users.GetUserId(user) : null;
}
