using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Groups;
using MieEvaluation.Domain.Review;
using MieEvaluation.Web.Services.Review;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.ViewModels.Groups;

namespace MieEvaluation.Web.Services.Groups;

/// <summary>Expert groups per year: their members and the bases they evaluate. A base belongs to at most one group a year.</summary>
public sealed class ExpertGroupService(MieDbContext db, UserManager<AppUser> users, ConflictsOfInterest conflictsOfInterest, IStringLocalizer<SharedResource> localizer)
{
    public async Task<IReadOnlyList<int>> YearsAsync() =>
        await db.ExpertGroups.Select(g => g.Year).Distinct().OrderByDescending(y => y).ToListAsync();

    public async Task<IReadOnlyList<GroupSummary>> ListAsync(int year)
    {
        var groups = await db.ExpertGroups.AsNoTracking().Include(g => g.Members).Include(g => g.Bases)
            .Where(g => g.Year == year).OrderBy(g => g.Name).ToListAsync();
        return groups.Select(g => new GroupSummary(g.Id, g.Name, g.Members.Count, g.Bases.Count, g.MissingExpertise())).ToList();
    }

    public async Task<bool> NameTakenAsync(int year, string name) =>
        await db.ExpertGroups.AnyAsync(g => g.Year == year && g.Name == name);

    public async Task<int> CreateAsync(NewGroupInput input)
    {
        var group = new ExpertGroup { Year = input.Year, Name = input.Name.Trim() };
        db.ExpertGroups.Add(group);
        await db.SaveChangesAsync();
        return group.Id;
    }

    public async Task<GroupDetailPage?> DetailAsync(int id, MemberInput? newMember = null)
    {
        var group = await db.ExpertGroups.AsNoTracking().Include(g => g.Members).Include(g => g.Bases).ThenInclude(b => b.Base)
            .SingleOrDefaultAsync(g => g.Id == id);
        if (group is null)
        {
            return null;
        }

        var memberIds = group.Members.Select(m => m.UserId).ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id);
        var members = group.Members
            .Select(m => new MemberRow(m.Id, accounts[m.UserId].DisplayName, accounts[m.UserId].Email ?? "", m.Organisation, m.OrganisationKind, m.Expertise,
                m.ProvinceCode, m.IsLeader))
            .OrderBy(m => m.DisplayName).ToList();
        var evaluators = (await users.GetUsersInRoleAsync(Roles.Evaluator))
            .Where(u => !memberIds.Contains(u.Id)).OrderBy(u => u.Email)
            .Select(u => new Choice(u.Id, $"{u.DisplayName} <{u.Email}>")).ToList();
        var assignedThisYear = db.ExpertGroupBases.Where(a => a.Group.Year == group.Year).Select(a => a.BaseId);
        var assignable = await db.Bases.AsNoTracking()
            .Where(b => b.IsActive && b.BatchYear <= group.Year && !assignedThisYear.Contains(b.Id))
            .OrderBy(b => b.Code).Select(b => new AssignedBase(b.Id, b.Code, b.NameZh, b.NameEn)).ToListAsync();

        return new GroupDetailPage(group.Id, group.Year, group.Name, members,
            group.Bases.Select(a => new AssignedBase(a.BaseId, a.Base.Code, a.Base.NameZh, a.Base.NameEn)).OrderBy(b => b.Code).ToList(),
            group.MissingExpertise(), evaluators, assignable, newMember ?? new MemberInput(),
            await db.Provinces.AsNoTracking().OrderBy(p => p.Code).Select(p => new ProvinceChoice(p.Code, p.NameZh, p.NameEn)).ToListAsync());
    }

    /// <summary>
    /// Adds an evaluator; the reasons it is refused (nothing written): not an evaluator or already a member, an unknown
    /// province, a second leader, or a conflict of interest with a base of the group (<see cref="ScorerEligibility.Conflict"/>).
    /// </summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> AddMemberAsync(int groupId, MemberInput input)
    {
        var user = await users.FindByIdAsync(input.UserId);
        if (user is null || !await users.IsInRoleAsync(user, Roles.Evaluator) ||
            await db.ExpertGroupMembers.AnyAsync(m => m.GroupId == groupId && m.UserId == input.UserId))
        {
            return [(nameof(input.UserId), localizer["Groups.NotAnEvaluator"])];
        }

        var province = string.IsNullOrWhiteSpace(input.ProvinceCode) ? null : input.ProvinceCode.Trim();
        if (province is not null && !await db.Provinces.AnyAsync(p => p.Code == province))
        {
            return [(nameof(input.ProvinceCode), localizer["Groups.UnknownProvince", province])];
        }

        if (input.IsLeader && await db.ExpertGroupMembers.AnyAsync(m => m.GroupId == groupId && m.IsLeader))
        {
            return [(nameof(input.IsLeader), localizer["Groups.LeaderTaken"])];
        }

        var year = await db.ExpertGroups.Where(g => g.Id == groupId).Select(g => g.Year).SingleAsync();
        var bases = await db.ExpertGroupBases.Where(a => a.GroupId == groupId).Select(a => a.BaseId).ToListAsync();
        var conflicts = await conflictsOfInterest.BetweenAsync(year, [(user.Email ?? "", new ExpertSeat(input.Organisation, province))], bases);
        if (conflicts.Count > 0)
        {
            return [.. conflicts.Select(c => (nameof(input.Organisation), c))];
        }

        db.ExpertGroupMembers.Add(new ExpertGroupMember
        {
            GroupId = groupId, UserId = user.Id, Organisation = input.Organisation.Trim(),
            OrganisationKind = input.OrganisationKind, Expertise = input.Expertise, ProvinceCode = province, IsLeader = input.IsLeader,
        });
        await db.SaveChangesAsync();
        return [];
    }

    public async Task RemoveMemberAsync(int groupId, int memberId) =>
        await db.ExpertGroupMembers.Where(m => m.GroupId == groupId && m.Id == memberId).ExecuteDeleteAsync();

    /// <summary>
    /// Assigns the bases that are active, designated by the group's year and in no other group that year; returns how
    /// many were refused. All or nothing: one transaction. Nothing at all when a member has a conflict of interest with
    /// one of them: then the reasons.
    /// </summary>
    public async Task<(int Refused, IReadOnlyList<string> Conflicts)> AssignBasesAsync(int groupId, IReadOnlyCollection<int> baseIds)
    {
        var year = await db.ExpertGroups.Where(g => g.Id == groupId).Select(g => g.Year).SingleAsync();
        var conflicts = await conflictsOfInterest.BetweenAsync(year, await conflictsOfInterest.SeatsOfGroupAsync(groupId), baseIds);
        if (conflicts.Count > 0)
        {
            return (baseIds.Distinct().Count(), conflicts);
        }

        var assignable = await db.Bases
            .Where(b => baseIds.Contains(b.Id) && b.IsActive && b.BatchYear <= year &&
                        !db.ExpertGroupBases.Any(a => a.BaseId == b.Id && a.Group.Year == year))
            .Select(b => b.Id).ToListAsync();
        db.ExpertGroupBases.AddRange(assignable.Select(id => new ExpertGroupBase { GroupId = groupId, BaseId = id }));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException exception) when (DbErrors.IsLostRace(exception))
        {
            // Another administrator assigned one of these bases to another group of the year meanwhile: the unique
            // index refused the whole assignment.
            db.ChangeTracker.Clear();
            return (baseIds.Distinct().Count(), []);
        }

        return (baseIds.Distinct().Count() - assignable.Count, []);
    }

    public async Task RemoveBaseAsync(int groupId, int baseId) =>
        await db.ExpertGroupBases.Where(a => a.GroupId == groupId && a.BaseId == baseId).ExecuteDeleteAsync();
}
