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
/// open and the expert allowed to score the base (<see cref="ScoringGate"/>: the base's group, no conflict of interest),
/// the criterion one of the round's scheme, the score within 0 and its maximum. All or nothing, in one transaction;
/// every change is kept in <see cref="ExpertScoreChange"/>. The preview is the same check without the write.
/// </summary>
public sealed class ExpertScoreImport(MieDbContext db, ScoringGate gate, SchemeStore schemes, TimeProvider clock,
    IStringLocalizer<SharedResource> localizer)
{
    private static readonly string[] Header = ["base_code", "expert_email", "criterion_code", "score", "comment"];

    public Task<ImportAnalysis> AnalyseAsync(int dataYear, string path, CancellationToken cancellationToken) =>
        RunAsync(dataYear, path, write: null, cancellationToken);

    public Task<ImportAnalysis> CommitAsync(int dataYear, string path, string fileName, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        RunAsync(dataYear, path, (fileName, user.Identity?.Name ?? ""), cancellationToken);

    private async Task<ImportAnalysis> RunAsync(int dataYear, string path, (string FileName, string User)? write, CancellationToken cancellationToken)
    {
        var round = await db.ReviewRounds.AsNoTracking().SingleOrDefaultAsync(r => r.DataYear == dataYear, cancellationToken);
        if (round is null)
        {
            return Refused(localizer["ExpertScores.NoRound", dataYear]);
        }

        var seats = await gate.SeatsAsync(round, ReviewPass.Expert, cancellationToken);
        if (seats.Stage != StageState.Open)
        {
            return Refused(ScorerRefusalText.Of(localizer, ScorerRefusal.StageNotOpen, "", "", round, ReviewPass.Expert));
        }

        var scheme = round.SchemeCode is { } code ? await schemes.FindAsync(code, cancellationToken: cancellationToken) : null;
        if (scheme is null || scheme.Scheme.Criteria.Count == 0)
        {
            return Refused(localizer["ExpertScores.NoCriteria", round.SchemeCode ?? "—"]);
        }

        var (lines, errors) = await ReadAsync(path, seats, scheme.Scheme.Criteria.ToDictionary(c => c.Code, c => c.MaxScore, StringComparer.Ordinal), cancellationToken);
        if (errors.Count > 0)
        {
            return new ImportAnalysis(0, 0, 0, errors, []);
        }

        var existing = await db.ExpertScores.AsNoTracking().Where(s => s.RoundId == round.Id && s.Pass == ReviewPass.Expert)
            .ToDictionaryAsync(s => (s.BaseId, s.ExpertUserId, s.Criterion), cancellationToken);
        var added = lines.Count(l => !existing.ContainsKey((l.BaseId, l.ExpertUserId, l.Criterion)));
        var changed = lines.Count(l => existing.TryGetValue((l.BaseId, l.ExpertUserId, l.Criterion), out var s)
                                       && (s.Score != l.Score || s.Comment != l.Comment || s.SubmittedAtUtc is null));
        var analysis = new ImportAnalysis(added, changed, lines.Count - added - changed, [], []);
        if (write is { } by && analysis.CanCommit)
        {
            // A paper form is a submitted one: the imported scores are final for the expert, as if submitted in the browser.
            await gate.WriteAsync(round, ReviewPass.Expert, lines, by.User, ChangeSource.Import, by.FileName, submit: true, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }

        return analysis;
    }

    private static ImportAnalysis Refused(string message) => new(0, 0, 0, [new RowError(0, message)], []);

    private async Task<(List<ScoreWrite> Lines, List<RowError> Errors)> ReadAsync(string path, ScoringSeats seats, Dictionary<string, decimal> maxScores,
        CancellationToken cancellationToken)
    {
        var (rows, problem) = TabularFile.Open(path);
        if (rows is null)
        {
            return ([], [new RowError(problem!.Line, localizer[problem.Key, problem.Line, problem.Limit])]);
        }

        var bases = await db.Bases.AsNoTracking().Select(b => new { b.Id, b.Code }).ToDictionaryAsync(b => b.Code, cancellationToken);
        var evaluatorRole = await db.Roles.Where(r => r.Name == Roles.Evaluator).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
        var experts = await db.Users.AsNoTracking().Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == evaluatorRole))
            .Select(u => new { u.Id, u.NormalizedEmail }).ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id, cancellationToken);

        var lines = new List<ScoreWrite>();
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

                // The gate's one rule: the base's group, no conflict of interest, not what the expert submitted in the browser.
                if (seats.Check(found.Id, expert, byImport: true) is { } refusal)
                {
                    return ScorerRefusalText.Of(localizer, refusal, f[1], found.Code, seats.Round, ReviewPass.Expert);
                }

                if (!maxScores.TryGetValue(f[2], out var max))
                {
                    return localizer["ExpertScores.UnknownCriterion", f[2], string.Join(", ", maxScores.Keys)];
                }

                if (!ExpertScoreLimits.TryRead(f[3], max, out var score))
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

                lines.Add(new ScoreWrite(found.Id, expert, f[2], score, f[4].Length == 0 ? null : f[4]));
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
