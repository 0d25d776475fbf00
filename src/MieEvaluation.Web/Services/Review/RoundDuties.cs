using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Review;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Security;

namespace MieEvaluation.Web.Services.Review;

/// <summary>Something the round asks of the user now: what (a resource key and its arguments) and where to do it.</summary>
public sealed record RoundDuty(string Key, IReadOnlyList<object> Arguments, string Link);

/// <summary>
/// What is due from the signed-in user in the current round, for their home page: a base contact's self-evaluation,
/// an expert's scoring, a leader's site visits, the administrator's sample and results.
/// </summary>
public sealed class RoundDuties(MieDbContext db, ReviewRounds rounds, EvaluatorScope scope, UserManager<AppUser> users)
{
    public async Task<IReadOnlyList<RoundDuty>> ForAsync(ClaimsPrincipal user, ReviewRound round, CancellationToken cancellationToken = default)
    {
        var duties = new List<RoundDuty>();
        var today = rounds.Today;
        var year = round.DataYear;
        bool Open(ReviewStage stage) => round.StateOf(stage, today) == StageState.Open;
        string Due(ReviewStage stage) => ScorerRefusalText.Date(round.DatesOf(stage).Closes);

        if (await scope.ContactBaseIdAsync(user, cancellationToken) is { } baseId)
        {
            var code = await db.Bases.Where(b => b.Id == baseId).Select(b => b.Code).SingleAsync(cancellationToken);
            var submitted = await db.SelfEvaluations.AnyAsync(e => e.RoundId == round.Id && e.BaseId == baseId && e.SubmittedAtUtc != null, cancellationToken);
            duties.Add(new RoundDuty(submitted ? "Duty.SelfEvaluationSubmitted" : Open(ReviewStage.SelfEvaluation) ? "Duty.SelfEvaluationDue" : "Duty.SelfEvaluationRead",
                [code, Due(ReviewStage.SelfEvaluation)], $"/bases/{code}/self-evaluation/{year}"));
            duties.Add(new RoundDuty("Duty.BasePage", [code], $"/bases/{code}"));
        }

        if (user.IsInRole(Roles.Evaluator) && users.GetUserId(user) is { } userId)
        {
            foreach (var (pass, stage) in new[] { (ReviewPass.Expert, ReviewStage.ExpertReview), (ReviewPass.Cross, ReviewStage.CrossReview) })
            {
                if (!Open(stage))
                {
                    continue;
                }

                var seats = pass == ReviewPass.Expert
                    ? await db.ExpertGroupBases.CountAsync(a => a.Year == year && a.Group.Members.Any(m => m.UserId == userId), cancellationToken)
                    : await (from a in db.CrossReviewAssignments
                             where a.RoundId == round.Id
                             join m in db.ExpertGroupMembers on a.GroupId equals m.GroupId
                             where m.UserId == userId
                             select a.BaseId).CountAsync(cancellationToken);
                var done = await db.ExpertScores.Where(s => s.RoundId == round.Id && s.Pass == pass && s.ExpertUserId == userId && s.SubmittedAtUtc != null)
                    .Select(s => s.BaseId).Distinct().CountAsync(cancellationToken);
                if (seats > 0)
                {
                    duties.Add(new RoundDuty($"Duty.Scoring.{pass}", [seats, done, Due(stage)], $"/evaluation/rounds/{year}/scoring"));
                }
            }

            var led = await db.ExpertGroupBases.Where(a => a.Year == year && a.Group.Members.Any(m => m.UserId == userId && m.IsLeader))
                .OrderBy(a => a.Base.Code).Select(a => a.Base.Code).ToListAsync(cancellationToken);
            if (led.Count > 0 && Open(ReviewStage.SiteVisit))
            {
                duties.Add(new RoundDuty("Duty.SiteVisits", [led.Count, Due(ReviewStage.SiteVisit)], $"/evaluation/rounds/{year}/visits/{led[0]}"));
            }

            if (led.Count > 0 && round.StateOf(ReviewStage.ExpertReview, today) == StageState.Closed)
            {
                duties.Add(new RoundDuty("Duty.GroupResults", [], $"/evaluation/rounds/{year}/results"));
            }
        }

        if (user.IsInRole(Roles.Administrator))
        {
            duties.Add(new RoundDuty("Duty.CrossReviewSample", [], $"/evaluation/rounds/{year}/cross-review"));
        }

        if (BaseAuthorizationHandler.FigureReaders.Any(user.IsInRole) && round.StateOf(ReviewStage.ExpertReview, today) == StageState.Closed)
        {
            duties.Add(new RoundDuty("Duty.Results", [], $"/evaluation/rounds/{year}/results"));
        }

        return duties;
    }
}
