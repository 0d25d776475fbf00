using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Review;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Services.Review;

/// <summary>
/// The conflicts of interest between experts' seats and bases, as localised reasons (<see cref="ScorerEligibility.Conflict"/>):
/// what composing a group and choosing the cross review's sample refuse.
/// </summary>
public sealed class ConflictsOfInterest(MieDbContext db, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>A group's members as seats, each with the member's e-mail for the reasons.</summary>
    public async Task<IReadOnlyList<(string Expert, ExpertSeat Seat)>> SeatsOfGroupAsync(int groupId, CancellationToken cancellationToken = default) =>
        [.. (await (from m in db.ExpertGroupMembers.AsNoTracking()
                    where m.GroupId == groupId
                    join u in db.Users on m.UserId equals u.Id
                    select new { u.Email, m.Organisation, m.ProvinceCode }).ToListAsync(cancellationToken))
            .Select(m => (m.Email ?? "", new ExpertSeat(m.Organisation, m.ProvinceCode)))];

    /// <summary>Every conflict between the seats and the bases, under the data year's round's own-province setting (off without a round).</summary>
    public async Task<IReadOnlyList<string>> BetweenAsync(int dataYear, IReadOnlyCollection<(string Expert, ExpertSeat Seat)> seats, IReadOnlyCollection<int> baseIds,
        CancellationToken cancellationToken = default)
    {
        var excludeOwnProvince = await db.ReviewRounds.Where(r => r.DataYear == dataYear).Select(r => r.ExcludeOwnProvince).SingleOrDefaultAsync(cancellationToken);
        var bases = await db.Bases.AsNoTracking().Where(b => baseIds.Contains(b.Id))
            .Select(b => new { b.Code, Scored = new ScoredBase(b.NameZh, b.NameEn, b.Province.Code) }).ToListAsync(cancellationToken);
        return [.. from b in bases
                   from s in seats
                   let refusal = ScorerEligibility.Conflict(s.Seat, b.Scored, excludeOwnProvince)
                   where refusal is not null
                   select ScorerRefusalText.Of(localizer, refusal.Value, s.Expert, b.Code, dataYear)];
    }
}
