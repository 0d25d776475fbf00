using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Domain.Review;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Evaluation;
using MieEvaluation.Web.Services.Import;

namespace MieEvaluation.Web.Services.Review;

/// <summary>
/// Imports the experts' scores of a round scored on paper (<c>base_code,expert_email,criterion_code,score,comment</c>),
/// by the administrator, through the same rules as a score typed in the browser: the round's experts' review must be
/// open, the expert a member of the base's group that year and not of the base's own organisation, the criterion one
/// of the round's scheme, the score within 0 and its maximum. All or nothing, in one transaction; every change is
/// kept in <see cref="ExpertScoreChange"/>. The preview is the same check without the write.
/// </summary>
public sealed class ExpertScoreImport(MieDbContext db, ReviewRounds rounds, SchemeStore schemes, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    private static readonly string[] Header = ["base_code", "expert_email", "criterion_code", "score", "comment"];

    private sealed record ScoreLine(int Line, int BaseId, string ExpertUserId, string Criterion, decimal Score, string? Comment);

    public Task<ImportAnalysis> AnalyseAsync(int dataYear, string path, CancellationToken cancellationToken) =>
        RunAsync(dataYear, path, write: null, cancellationToken);

    public Task<ImportAnalysis> CommitAsync(int dataYear, string path, string fileName, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        RunAsync(dataYear, path, (fileName, user.Identity?.Name ?? ""), cancellationToken);

    private async Task<ImportAnalysis> RunAsync(int dataYear, string path, (string FileName, string User)? write, CancellationToken cancellationToken)
    {
        var round = await db.ReviewRounds.SingleOrDefaultAsync(r => r.DataYear == dataYear, cancellationToken);
        if (round is null)
        {
            return Refused(localizer["ExpertScores.NoRound", dataYear]);
        }

        if (round.StateOf(ReviewStage.ExpertReview, rounds.Today) != StageState.Open)
        {
            var (opens, closes) = round.DatesOf(ReviewStage.ExpertReview);
            return Refused(localizer["ExpertScores.StageNotOpen", Date(opens), Date(closes)]);
        }

        var scheme = round.SchemeCode is { } code ? await schemes.FindAsync(code, cancellationToken: cancellationToken) : null;
        if (scheme is null || scheme.Scheme.Criteria.Count == 0)
        {
            return Refused(localizer["ExpertScores.NoCriteria", round.SchemeCode ?? "—"]);
        }

        var (lines, errors) = await ReadAsync(path, round, scheme.Scheme.Criteria.ToDictionary(c => c.Code, c => c.MaxScore, StringComparer.Ordinal), cancellationToken);
        if (errors.Count > 0)
        {
            return new ImportAnalysis(0, 0, 0, errors, []);
        }

        var existing = await db.ExpertScores.Where(s => s.RoundId == round.Id).ToDictionaryAsync(s => (s.BaseId, s.ExpertUserId, s.Criterion), cancellationToken);
        var added = lines.Count(l => !existing.ContainsKey((l.BaseId, l.ExpertUserId, l.Criterion)));
        var changed = lines.Count(l => existing.TryGetValue((l.BaseId, l.ExpertUserId, l.Criterion), out var s) && (s.Score != l.Score || s.Comment != l.Comment));
        var analysis = new ImportAnalysis(added, changed, lines.Count - added - changed, [], []);
        if (write is not { } by || !analysis.CanCommit)
        {
            return analysis;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var line in lines)
        {
            existing.TryGetValue((line.BaseId, line.ExpertUserId, line.Criterion), out var score);
            if (score is not null && score.Score == line.Score && score.Comment == line.Comment)
            {
                continue;
            }

            db.ExpertScoreChanges.Add(new ExpertScoreChange
            {
                RoundId = round.Id, BaseId = line.BaseId, ExpertUserId = line.ExpertUserId, Criterion = line.Criterion, OldScore = score?.Score,
                NewScore = line.Score, Comment = line.Comment, ChangedAtUtc = now, ChangedBy = by.User, Source = ChangeSource.Import, FileName = by.FileName,
            });
            if (score is null)
            {
                score = new RecordedExpertScore { RoundId = round.Id, BaseId = line.BaseId, ExpertUserId = line.ExpertUserId, Criterion = line.Criterion };
                db.ExpertScores.Add(score);
            }

            (score.Score, score.Comment, score.RecordedAtUtc, score.RecordedBy, score.Source) = (line.Score, line.Comment, now, by.User, ChangeSource.Import);
        }

        await db.SaveChangesAsync(cancellationToken); // one SaveChanges: one transaction
        return analysis;
    }

    private static ImportAnalysis Refused(string message) => new(0, 0, 0, [new RowError(0, message)], []);

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    private async Task<(List<ScoreLine> Lines, List<RowError> Errors)> ReadAsync(string path, ReviewRound round, Dictionary<string, decimal> maxScores,
        CancellationToken cancellationToken)
    {
        var (rows, problem) = TabularFile.Open(path);
        if (rows is null)
        {
            return ([], [new RowError(problem!.Line, localizer[problem.Key, problem.Line, problem.Limit])]);
        }

        var bases = await db.Bases.AsNoTracking().Select(b => new { b.Id, b.Code, b.NameZh, b.NameEn }).ToDictionaryAsync(b => b.Code, cancellationToken);
        var evaluatorRole = await db.Roles.Where(r => r.Name == Roles.Evaluator).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
        var experts = await db.Users.AsNoTracking().Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == evaluatorRole))
            .Select(u => new { u.Id, u.NormalizedEmail }).ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id, cancellationToken);
        // Who may score which base this year: the members of the groups the base is assigned to, with their organisation.
        var memberships = await (from m in db.ExpertGroupMembers.AsNoTracking()
                                 join assigned in db.ExpertGroupBases on m.GroupId equals assigned.GroupId
                                 where m.Group.Year == round.DataYear
                                 select new { m.UserId, assigned.BaseId, m.Organisation }).ToListAsync(cancellationToken);
        var memberOf = memberships.ToLookup(m => (m.UserId, m.BaseId), m => m.Organisation);

        var lines = new List<ScoreLine>();
        var errors = new List<RowError>();
        var seen = new Dictionary<(int, string, string), int>();
        var first = true;
        foreach (var row in rows())
        {
            if (first)
            {
                first = false;
                if (!row.Fields.Select(f => f.Trim().ToLowerInvariant()).SequenceEqual(Header))
                {
                    return ([], [new RowError(1, localizer["ExpertScores.BadHeader", string.Join(',', Header)])]);
                }

                continue;
            }

            if (row.Fields.Length != Header.Length)
            {
                errors.Add(new RowError(row.Line, localizer["Import.Ragged", row.Fields.Length, Header.Length]));
                continue;
            }

            var f = row.Fields.Select(x => x.Trim()).ToArray();
            string? Problem()
            {
                if (!bases.TryGetValue(BaseCodes.Canonical(f[0]), out var found))
                {
                    return localizer["ExpertScores.UnknownBase", f[0]];
                }

                if (!experts.TryGetValue(f[1].ToUpperInvariant(), out var expert))
                {
                    return localizer["ExpertScores.UnknownExpert", f[1]];
                }

                var organisations = memberOf[(expert, found.Id)].ToList();
                if (organisations.Count == 0)
                {
                    return localizer["ExpertScores.NotInGroup", f[1], found.Code, round.DataYear];
                }

                // An expert never scores a base of their own organisation (the conflict of interest the office guards against).
                if (organisations.Any(o => SameOrganisation(o, found.NameZh) || SameOrganisation(o, found.NameEn)))
                {
                    return localizer["ExpertScores.OwnOrganisation", f[1], found.Code];
                }

                if (!maxScores.TryGetValue(f[2], out var max))
                {
                    return localizer["ExpertScores.UnknownCriterion", f[2], string.Join(", ", maxScores.Keys)];
                }

                // At most two decimals: a score is stored exactly on both providers (SQL Server's decimal(18,4) would round more).
                if (!decimal.TryParse(f[3], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var score) || score > max || score.Scale > 2)
                {
                    return localizer["ExpertScores.BadScore", f[3], max.ToString(CultureInfo.InvariantCulture)];
                }

                if (f[4].Length > ExpertScoreLimits.CommentLength)
                {
                    return localizer["ExpertScores.CommentTooLong", ExpertScoreLimits.CommentLength];
                }

                if (!seen.TryAdd((found.Id, expert, f[2]), row.Line))
                {
                    return localizer["ExpertScores.Duplicate", seen[(found.Id, expert, f[2])]];
                }

                lines.Add(new ScoreLine(row.Line, found.Id, expert, f[2], score, f[4].Length == 0 ? null : f[4]));
                return null;
            }

            if (Problem() is { } message)
            {
                errors.Add(new RowError(row.Line, message));
            }
        }

        if (first)
        {
            errors.Add(new RowError(0, localizer["Import.Empty"]));
        }
        else if (lines.Count == 0 && errors.Count == 0)
        {
            errors.Add(new RowError(1, localizer["Import.HeaderOnly"]));
        }

        return (lines, errors);
    }

    private static bool SameOrganisation(string organisation, string baseName) =>
        string.Equals(organisation.Trim(), baseName.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>The experts' scores of one round as a kind of the one import pipeline (pages and API).</summary>
public sealed class ExpertScoreImportKind(ExpertScoreImport imports, int dataYear) : IImportKind
{
    public bool CanApprove(ClaimsPrincipal user) => false;

    public Task<ImportAnalysis> PreviewAsync(string path, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        imports.AnalyseAsync(dataYear, path, cancellationToken);

    public Task<ImportAnalysis> CommitAsync(string path, string fileName, ClaimsPrincipal user, bool approve, string? previewNote, CancellationToken cancellationToken) =>
        imports.CommitAsync(dataYear, path, fileName, user, cancellationToken);

    public string? NoteOf(ImportAnalysis preview) => null;
}
