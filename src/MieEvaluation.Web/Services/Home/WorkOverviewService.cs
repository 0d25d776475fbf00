using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Groups;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Services.DataEntry;
using MieEvaluation.Web.Services.Figures;

namespace MieEvaluation.Web.Services.Home;

/// <summary>
/// What the home page tells each role to do next in the current round: the evaluator's unfinished forms, the
/// reviewer's waiting forms, the official's headline figures, the administrator's set-up checklist.
/// </summary>
public sealed class WorkOverviewService(MieDbContext db, DataEntryService entry, FiguresService figures)
{
    /// <summary>How many items a home-page list shows before it points to the full page.</summary>
    public const int ListedItems = 8;

    /// <summary>The evaluator's forms of the round that are not yet submitted (not started, draft, returned).</summary>
    public async Task<EvaluatorWork> EvaluatorAsync(ClaimsPrincipal user, int round)
    {
        var forms = await entry.MyFormsAsync(user, round);
        var open = forms.Where(f => f.Status is null or SubmissionStatus.Draft or SubmissionStatus.Returned).ToList();
        return new EvaluatorWork(forms.Count, open.Count, open.Take(ListedItems).ToList());
    }

    /// <summary>The round's submitted forms waiting for a reviewer, the first ones with their open warnings.</summary>
    public async Task<ReviewerWork> ReviewerAsync(int round)
    {
        var waiting = await entry.SubmittedCountAsync(round);
        var listed = waiting == 0 ? [] : await entry.SubmittedAsync(round, 1, ListedItems);
        return new ReviewerWork(waiting, listed);
    }

    /// <summary>
    /// The national figures of the last complete year with approved data and the year before it, so that the page can
    /// say what changed since last year. A later year in which fewer than half of the expected bases are approved yet
    /// (<see cref="FigureScopes.IsIncomplete"/>) is not the headline: one approved form would read as a national
    /// figure; it is named instead, with how far it has come.
    /// </summary>
    public async Task<Headline> HeadlineAsync(CancellationToken cancellationToken = default)
    {
        var counted = FigureScopes.Counted(FigureScope.Approved);
        var latest = await figures.LatestYearAsync(FigureScope.Approved, cancellationToken);
        IncompleteYear? skipped = null;
        for (var year = latest; ; year--)
        {
            var query = new FigureQuery(year - 1, year, Statuses: counted);
            var national = await figures.NationalAsync(query, cancellationToken);
            var expected = (await figures.ExpectedBasesAsync(query, cancellationToken))[year];
            var reporting = national.Rows.Count == 0 ? 0 : national.Rows.Max(r => r.AllReporting.Yearly[^1].N);
            if (!FigureScopes.IsIncomplete(reporting, expected) || year <= EarliestHeadlineYear)
            {
                return new Headline(national, skipped);
            }

            skipped ??= new IncompleteYear(year, reporting, expected);
        }
    }

    /// <summary>The first year with a year before it (data start in 2016): the headline never looks further back.</summary>
    private const int EarliestHeadlineYear = 2017;

    /// <summary>How far the round has come: the bases expected to report and their forms by status.</summary>
    public async Task<RoundProgress> ProgressAsync(int round, CancellationToken cancellationToken = default)
    {
        var expected = await ExpectedBases(round).CountAsync(cancellationToken);
        var byStatus = await db.Submissions.Where(s => s.Year == round && s.Base.IsActive)
            .GroupBy(s => s.Status).Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        return new RoundProgress(round, expected, byStatus.GetValueOrDefault(SubmissionStatus.Approved),
            byStatus.GetValueOrDefault(SubmissionStatus.Submitted),
            byStatus.GetValueOrDefault(SubmissionStatus.Draft) + byStatus.GetValueOrDefault(SubmissionStatus.Returned));
    }

    /// <summary>What an administrator must set up before the round can run, each item counted.</summary>
    public async Task<SetupChecklist> SetupAsync(int round, CancellationToken cancellationToken = default)
    {
        var assigned = db.ExpertGroupBases.Where(a => a.Group.Year == round).Select(a => a.BaseId);
        var basesWithoutGroup = await ExpectedBases(round).CountAsync(b => !assigned.Contains(b.Id), cancellationToken);
        var groups = await db.ExpertGroups.AsNoTracking().Include(g => g.Members).Where(g => g.Year == round).ToListAsync(cancellationToken);
        var accountsWithoutRole = await db.Users.CountAsync(u => !db.UserRoles.Any(r => r.UserId == u.Id), cancellationToken);
        return new SetupChecklist(round,
            groups.Count,
            groups.Count(g => g.MissingExpertise().Count > 0),
            basesWithoutGroup,
            accountsWithoutRole,
            await db.Indicators.CountAsync(i => i.IsActive, cancellationToken),
            await db.IssueCategories.CountAsync(c => c.IsActive, cancellationToken));
    }

    /// <summary>The bases that report in the round: active and designated by its data year.</summary>
    private IQueryable<Domain.Registry.DemonstrationBase> ExpectedBases(int round) =>
        db.Bases.Where(b => b.IsActive && b.BatchYear <= round);
}

/// <summary>The headline figures, and the later year left out because it is still incomplete (null when none is).</summary>
public sealed record Headline(NationalFigures Figures, IncompleteYear? Skipped);

/// <summary>A year whose approved data covers <paramref name="Counted"/> of the <paramref name="Expected"/> bases, under half.</summary>
public sealed record IncompleteYear(int Year, int Counted, int Expected);

/// <summary>The evaluator's forms in the round: all assigned, how many are still open, the first open ones.</summary>
public sealed record EvaluatorWork(int Assigned, int Open, IReadOnlyList<MyFormRow> FirstOpen);

/// <summary>Forms waiting for review in the round and the first of them with their open warnings.</summary>
public sealed record ReviewerWork(int Waiting, IReadOnlyList<ReviewRow> First);

/// <summary>The round's forms: expected (one per reporting base), approved, submitted, in progress (draft or returned).</summary>
public sealed record RoundProgress(int Round, int Expected, int Approved, int Submitted, int InProgress)
{
    public int NotStarted => Math.Max(0, Expected - Approved - Submitted - InProgress);
}

/// <summary>
/// The administrator's checklist for the round. <paramref name="GroupsLackingExpertise"/> counts groups whose members
/// do not yet cover every <see cref="ExpertiseKind"/> (professional and operational expertise complement each other).
/// </summary>
public sealed record SetupChecklist(int Round, int Groups, int GroupsLackingExpertise, int BasesWithoutGroup, int AccountsWithoutRole,
    int ActiveIndicators, int ActiveCategories);
