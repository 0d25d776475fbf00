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

    private string? EvaluatorId(ClaimsPrincipal user) => user.IsInRole(Roles.Evaluator) ? users.GetUserId(user) : null;
}
