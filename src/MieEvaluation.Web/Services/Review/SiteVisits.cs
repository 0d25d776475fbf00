using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Review;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Services.Review;

/// <summary>A visit as shown: its members' names, its issues' texts, its evidence.</summary>
public sealed record SiteVisitEntry(int Id, DateOnly VisitedOn, string Group, IReadOnlyList<string> Members, string Findings, IReadOnlyList<(int Id, string Text)> Issues,
    IReadOnlyList<EvidenceEntry> Evidence, string RecordedBy, DateTime RecordedAtUtc);

/// <summary>What may be chosen on a base's visit form: its group's members and the base's issues in the register.</summary>
public sealed record SiteVisitChoices(int? GroupId, string? Group, IReadOnlyList<(string UserId, string Name)> Members, IReadOnlyList<(int Id, int Year, string Text)> Issues);

/// <summary>A visit as recorded on the form.</summary>
public sealed record SiteVisitRecord(DateOnly? VisitedOn, IReadOnlyCollection<string> MemberIds, string? Findings, IReadOnlyCollection<int> IssueIds);

/// <summary>
/// The groups' visits to their bases (实地调研): recorded by the group's leader while the stage is open — the day (in
/// the stage, not in the future), the members who went (of the group), the findings, the base's issues it concerns —
/// with evidence files.
/// </summary>
public sealed class SiteVisits(MieDbContext db, ReviewRounds rounds, EvidenceStore evidence, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    public async Task<IReadOnlyList<SiteVisitEntry>> ListAsync(ReviewRound round, int baseId, CancellationToken cancellationToken = default)
    {
        var visits = await db.SiteVisits.AsNoTracking().Where(v => v.RoundId == round.Id && v.BaseId == baseId).OrderBy(v => v.VisitedOn).ThenBy(v => v.Id)
            .ToListAsync(cancellationToken);
        var userIds = visits.SelectMany(v => v.Members.Select(m => m.UserId)).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var issueIds = visits.SelectMany(v => v.Issues.Select(i => i.IssueId)).Distinct().ToList();
        var issues = await db.IssueReports.AsNoTracking().Where(i => issueIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Text, cancellationToken);
        var groupIds = visits.Select(v => v.GroupId).Distinct().ToList();
        var groups = await db.ExpertGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var files = await evidence.ListAsync(EvidenceOwner.SiteVisit, [.. visits.Select(v => v.Id)], cancellationToken);
        return [.. visits.Select(v => new SiteVisitEntry(v.Id, v.VisitedOn, groups[v.GroupId], [.. v.Members.Select(m => names.GetValueOrDefault(m.UserId, m.UserId)).Order()],
            v.Findings, [.. v.Issues.Select(i => (i.IssueId, issues.GetValueOrDefault(i.IssueId, "")))], [.. files[v.Id]], v.UpdatedBy, v.UpdatedAtUtc))];
    }

    public async Task<SiteVisitChoices> ChoicesAsync(ReviewRound round, int baseId, CancellationToken cancellationToken = default)
    {
        var assigned = await db.ExpertGroupBases.AsNoTracking().Where(a => a.BaseId == baseId && a.Year == round.DataYear)
            .Select(a => new { a.GroupId, a.Group.Name }).SingleOrDefaultAsync(cancellationToken);
        var members = assigned is null ? [] : await (from m in db.ExpertGroupMembers.AsNoTracking()
                                                   where m.GroupId == assigned.GroupId
                                                   join u in db.Users on m.UserId equals u.Id
                                                   orderby u.DisplayName
                                                   select new { m.UserId, u.DisplayName }).ToListAsync(cancellationToken);
        var issues = await db.IssueReports.AsNoTracking().Where(i => i.BaseId == baseId).OrderByDescending(i => i.Year).ThenBy(i => i.Id)
            .Select(i => new { i.Id, i.Year, i.Text }).ToListAsync(cancellationToken);
        return new SiteVisitChoices(assigned?.GroupId, assigned?.Name, [.. members.Select(m => (m.UserId, m.DisplayName))], [.. issues.Select(i => (i.Id, i.Year, i.Text))]);
    }

    /// <summary>Why no visit can be recorded now: the stage is not open, or the base has no group this year.</summary>
    public string? Refusal(ReviewRound round, SiteVisitChoices choices) =>
        round.StateOf(ReviewStage.SiteVisit, rounds.Today) != StageState.Open
            ? ScorerRefusalText.StageNotOpen(localizer, round, ReviewStage.SiteVisit)
            : choices.GroupId is null ? localizer["CrossReview.NoOwnGroup", "", round.DataYear].Value : null;

    /// <summary>Records the visit; the field errors when it is refused (nothing written).</summary>
    public async Task<IReadOnlyDictionary<string, string>> RecordAsync(ReviewRound round, int baseId, SiteVisitRecord record, string by, CancellationToken cancellationToken = default)
    {
        var choices = await ChoicesAsync(round, baseId, cancellationToken);
        var errors = new Dictionary<string, string>();
        if (Refusal(round, choices) is { } refusal)
        {
            errors[""] = refusal;
            return errors;
        }

        var today = rounds.Today;
        if (record.VisitedOn is not { } day || day < round.SiteVisitOpens || day > today || (round.SiteVisitCloses is { } closes && day > closes))
        {
            errors["VisitedOn"] = localizer["SiteVisit.BadDate", ScorerRefusalText.Date(round.SiteVisitOpens), ScorerRefusalText.Date(round.SiteVisitCloses is { } c && c < today ? c : today)];
        }

        var memberIds = record.MemberIds.Distinct().ToList();
        if (memberIds.Count == 0 || memberIds.Any(id => choices.Members.All(m => m.UserId != id)))
        {
            errors["MemberIds"] = localizer["SiteVisit.BadMembers", choices.Group ?? ""];
        }

        var findings = record.Findings?.Trim() ?? "";
        if (findings.Length == 0 || findings.Length > SiteVisit.FindingsLength)
        {
            errors["Findings"] = localizer["SiteVisit.BadFindings", SiteVisit.FindingsLength];
        }

        if (record.IssueIds.Any(id => choices.Issues.All(i => i.Id != id)))
        {
            errors["IssueIds"] = localizer["SiteVisit.BadIssues"];
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var visit = new SiteVisit
        {
            RoundId = round.Id, BaseId = baseId, GroupId = choices.GroupId!.Value, VisitedOn = record.VisitedOn!.Value, Findings = findings, Version = 1,
            UpdatedAtUtc = clock.GetUtcNow().UtcDateTime, UpdatedBy = by,
        };
        visit.Members.AddRange(memberIds.Select(id => new SiteVisitMember { UserId = id }));
        visit.Issues.AddRange(record.IssueIds.Distinct().Select(id => new SiteVisitIssue { IssueId = id }));
        db.SiteVisits.Add(visit);
        db.ReviewEvents.Add(new ReviewEvent
        {
            RoundId = round.Id, BaseId = baseId, Kind = ReviewEventKind.SiteVisitRecorded, Detail = visit.VisitedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            AtUtc = visit.UpdatedAtUtc, By = by,
        });
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>Whether the visit is one of the base's in the round (what an evidence upload is checked against).</summary>
    public async Task<bool> ExistsAsync(ReviewRound round, int baseId, int visitId, CancellationToken cancellationToken = default) =>
        await db.SiteVisits.AnyAsync(v => v.Id == visitId && v.RoundId == round.Id && v.BaseId == baseId, cancellationToken);
}
