using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Review;
using MieEvaluation.Domain.Scoring;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Services.Evaluation;

namespace MieEvaluation.Web.Services.Review;

/// <summary>The experts' results of a round as the API gives them (docs/api.md): snake_case, full precision.</summary>
[SnakeCaseJson]
public sealed record ExpertResultsDocument(int DataYear, string Scheme, string Aggregate, bool Normalised, IReadOnlyList<ExpertResultRow> Results,
    IReadOnlyList<AgreementRow> Agreement, IReadOnlyList<FlaggedExpertRow> Flagged, CrossReviewSection CrossReview);

/// <summary>The cross review's comparison once its stage is closed (until then <c>closed</c> is false and the rows empty).</summary>
[SnakeCaseJson]
public sealed record CrossReviewSection(bool Closed, decimal Threshold, IReadOnlyList<CrossReviewRow> Rows);

/// <summary>A base's mean score on a criterion by its own group and by the cross-reviewing group, and whether they differ by more than the round's threshold.</summary>
[SnakeCaseJson]
public sealed record CrossReviewRow(string BaseCode, string OwnGroup, string CrossGroup, string Criterion, decimal Own, decimal Cross, decimal Difference, bool Flagged);

/// <summary>A base's scores on a criterion: N, mean, median, trimmed mean, the normalised mean when the round normalises, and the one the scheme uses.</summary>
[SnakeCaseJson]
public sealed record ExpertResultRow(string BaseCode, string Criterion, int N, decimal? Mean, decimal? Median, decimal? TrimmedMean, decimal? Normalised, decimal? Used);

/// <summary>Kendall's W of a group on a criterion, or why it is undefined.</summary>
[SnakeCaseJson]
public sealed record AgreementRow(string Group, string Criterion, int Experts, int Bases, double? KendallW, string? UndefinedReason);

/// <summary>An expert flagged for the group leader, with the reason and the measure (the scores stay in every aggregate).</summary>
[SnakeCaseJson]
public sealed record FlaggedExpertRow(string Group, string Expert, string Criterion, string Reason, double Value, int CommonBases);

/// <summary>Why a round has no experts' results to give yet.</summary>
public enum ExpertResultsRefusal
{
    NoRound,
    NoCriteria,

    /// <summary>The experts' review is not closed: the scores stay blind until it is.</summary>
    StillOpen,
}

/// <summary>
/// The experts' results of a round once its review stage is closed (docs/formulas.md, section 15): per base and
/// criterion the aggregates and the one the scheme uses; per group and criterion Kendall's W; the experts flagged.
/// </summary>
public sealed class ExpertResults(MieDbContext db, ReviewRounds rounds, SchemeStore schemes)
{
    public async Task<(ExpertResultsDocument? Document, ExpertResultsRefusal? Refusal)> ForRoundAsync(int dataYear, CancellationToken cancellationToken = default)
    {
        var round = await rounds.FindAsync(dataYear, cancellationToken);
        if (round is null)
        {
            return (null, ExpertResultsRefusal.NoRound);
        }

        if (round.StateOf(ReviewStage.ExpertReview, rounds.Today) != StageState.Closed)
        {
            return (null, ExpertResultsRefusal.StillOpen);
        }

        var scheme = round.SchemeCode is { } code ? await schemes.FindAsync(code, cancellationToken: cancellationToken) : null;
        if (scheme is null || scheme.Scheme.Criteria.Count == 0)
        {
            return (null, ExpertResultsRefusal.NoCriteria);
        }

        var maxScores = scheme.Scheme.Criteria.ToDictionary(c => c.Code, c => c.MaxScore, StringComparer.Ordinal);
        var scores = await ScoresAsync(round.Id, cancellationToken);
        var aggregate = scheme.Scheme.ExpertAggregate;
        var results = ExpertScoring.Aggregate(scores, maxScores, round.NormalisePerExpert)
            .Select(r => new ExpertResultRow(r.BaseCode, r.Criterion, r.N, r.Mean, r.Median, r.TrimmedMean, r.Normalised, r.Used(aggregate, round.NormalisePerExpert)))
            .ToList();

        var groupNames = await db.ExpertGroups.AsNoTracking().Where(g => g.Year == dataYear).OrderBy(g => g.Name)
            .Select(g => new { g.Id, g.Name }).ToListAsync(cancellationToken);
        var members = (await (from m in db.ExpertGroupMembers.AsNoTracking()
                              where m.Group.Year == dataYear
                              join u in db.Users on m.UserId equals u.Id
                              select new { m.GroupId, u.Email }).ToListAsync(cancellationToken)).ToLookup(m => m.GroupId, m => m.Email);
        var assigned = (await (from a in db.ExpertGroupBases.AsNoTracking()
                               where a.Group.Year == dataYear
                               join b in db.Bases on a.BaseId equals b.Id
                               select new { a.GroupId, b.Code }).ToListAsync(cancellationToken)).ToLookup(a => a.GroupId, a => a.Code);
        var groups = groupNames.Select(g => new { g.Name, Experts = members[g.Id].ToHashSet(), Bases = assigned[g.Id].ToHashSet() }).ToList();
        var agreement = new List<AgreementRow>();
        var flagged = new List<FlaggedExpertRow>();
        foreach (var group in groups)
        {
            var ofGroup = scores.Where(s => group.Experts.Contains(s.Expert) && group.Bases.Contains(s.BaseCode)).ToList();
            foreach (var criterion in scheme.Scheme.Criteria)
            {
                var w = ExpertAgreement.KendallW([.. ofGroup.Where(s => s.Criterion == criterion.Code)]);
                agreement.Add(new AgreementRow(group.Name, criterion.Code, w.Experts, w.Bases, w.W, Snake(w.UndefinedReason?.ToString())));
            }

            flagged.AddRange(ExpertAgreement.Disagreements(ofGroup, maxScores)
                .Select(d => new FlaggedExpertRow(group.Name, d.Expert, d.Criterion, Snake(d.Kind.ToString())!, d.Value, d.CommonBases)));
        }

        return (new ExpertResultsDocument(dataYear, scheme.Scheme.Code, Snake(aggregate.ToString())!, round.NormalisePerExpert, results, agreement, flagged,
            await CrossReviewAsync(round, scores, cancellationToken)), null);
    }

    /// <summary>The two groups' means side by side per cross-reviewed base and criterion, once the cross review is closed.</summary>
    private async Task<CrossReviewSection> CrossReviewAsync(Domain.Review.ReviewRound round, List<ExpertScore> own, CancellationToken cancellationToken)
    {
        if (round.StateOf(ReviewStage.CrossReview, rounds.Today) != StageState.Closed)
        {
            return new CrossReviewSection(false, round.CrossReviewThreshold, []);
        }

        var groups = (await (from a in db.ExpertGroupBases.AsNoTracking()
                             where a.Year == round.DataYear
                             join b in db.Bases on a.BaseId equals b.Id
                             select new { b.Code, a.Group.Name }).ToListAsync(cancellationToken)).ToDictionary(g => g.Code, g => g.Name);
        var crossGroups = (await (from a in db.CrossReviewAssignments.AsNoTracking()
                                  where a.RoundId == round.Id
                                  join b in db.Bases on a.BaseId equals b.Id
                                  join g in db.ExpertGroups on a.GroupId equals g.Id
                                  select new { b.Code, g.Name }).ToListAsync(cancellationToken)).ToDictionary(g => g.Code, g => g.Name);
        var cross = await ScoresAsync(round.Id, cancellationToken, ReviewPass.Cross);
        return new CrossReviewSection(true, round.CrossReviewThreshold, [.. ExpertAgreement.CrossReview(own, cross, round.CrossReviewThreshold)
            .Select(d => new CrossReviewRow(d.BaseCode, groups.GetValueOrDefault(d.BaseCode, ""), crossGroups.GetValueOrDefault(d.BaseCode, ""), d.Criterion,
                d.Own, d.Cross, d.Difference, d.Flagged))]);
    }

    /// <summary>
    /// Per base and criterion of <paramref name="scheme"/>, the aggregate it uses, for the scheme's total (docs/evaluation.md):
    /// only once the data year's experts' review is closed — until then no criterion item has a value.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>> UsedAsync(EvaluationScheme scheme, int dataYear,
        CancellationToken cancellationToken = default)
    {
        var none = new Dictionary<string, IReadOnlyDictionary<string, decimal>>();
        if (scheme.Criteria.Count == 0 || await rounds.FindAsync(dataYear, cancellationToken) is not { } round
            || round.StateOf(ReviewStage.ExpertReview, rounds.Today) != StageState.Closed)
        {
            return none;
        }

        var maxScores = scheme.Criteria.ToDictionary(c => c.Code, c => c.MaxScore, StringComparer.Ordinal);
        var scores = (await ScoresAsync(round.Id, cancellationToken)).Where(s => maxScores.ContainsKey(s.Criterion)).ToList();
        return ExpertScoring.Aggregate(scores, maxScores, round.NormalisePerExpert)
            .Where(r => r.Used(scheme.ExpertAggregate, round.NormalisePerExpert) is not null)
            .GroupBy(r => r.BaseCode)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, decimal>)g.ToDictionary(r => r.Criterion, r => r.Used(scheme.ExpertAggregate, round.NormalisePerExpert)!.Value));
    }

    /// <summary>The submitted scores of a pass (drafts never count).</summary>
    public async Task<List<ExpertScore>> ScoresAsync(int roundId, CancellationToken cancellationToken, ReviewPass pass = ReviewPass.Expert) =>
        await (from s in db.ExpertScores.AsNoTracking()
               where s.RoundId == roundId && s.Pass == pass && s.SubmittedAtUtc != null
               join b in db.Bases on s.BaseId equals b.Id
               join u in db.Users on s.ExpertUserId equals u.Id
               select new ExpertScore(b.Code, u.Email!, s.Criterion, s.Score)).ToListAsync(cancellationToken);

    private static string? Snake(string? name) => name is null ? null : System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
