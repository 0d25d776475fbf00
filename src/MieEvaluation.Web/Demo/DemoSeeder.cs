using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Groups;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Data.Seed;
using MieEvaluation.Web.Security;

namespace MieEvaluation.Web.Demo;

/// <summary>
/// Fills a demo database: accounts for every role (new passwords at every start, printed once), expert groups for
/// every year, and generated values and issues from 2016 to the current round (<see cref="EvaluationRound"/>): the
/// years before it approved, the round itself open with work to do. Runs only in demo mode, on a database
/// marked as a demo one (see <see cref="DatabaseMarker"/>).
/// </summary>
internal sealed partial class DemoSeeder(MieDbContext db, UserManager<AppUser> users, TimeProvider clock, ILogger<DemoSeeder> logger,
    Services.Evaluation.SchemeStore schemes, Services.Evaluation.EvaluationResults results)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var accounts = await EnsureAccountsAsync();
        var round = EvaluationRound.DataYear(clock.GetUtcNow());
        if (await db.Submissions.AnyAsync(cancellationToken) && !await db.ExpertGroups.AnyAsync(g => g.Year == round, cancellationToken))
        {
            // Generated in an earlier year, the demo stops before the current round: nothing would be left to do.
            LogRegenerating(logger, round);
            await ClearGeneratedAsync(cancellationToken);
        }

        if (!await db.Submissions.AnyAsync(cancellationToken))
        {
            await GenerateAsync(accounts, cancellationToken);
        }

        await EnsureIllustrativeSchemeAsync(round, DemoAccounts.Administrator, cancellationToken);
        await EnsureReviewRoundAsync(round, cancellationToken);
    }

    /// <summary>
    /// The current round's procedure, dated around today so that something is due: the self-evaluation open now (for
    /// the demo's base contact), the experts' review, site visits and cross review following month by month. Left as
    /// it is once it exists.
    /// </summary>
    private async Task EnsureReviewRoundAsync(int round, CancellationToken cancellationToken)
    {
        if (await db.ReviewRounds.AnyAsync(r => r.DataYear == round, cancellationToken))
        {
            return;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        db.ReviewRounds.Add(new Domain.Review.ReviewRound
        {
            DataYear = round, Version = 1, UpdatedAtUtc = clock.GetUtcNow().UtcDateTime, UpdatedBy = DemoAccounts.Administrator, CrossReviewThreshold = 10m,
            SelfEvaluationOpens = today.AddDays(-10), SelfEvaluationCloses = today.AddDays(20),
            ExpertReviewOpens = today.AddDays(21), ExpertReviewCloses = today.AddDays(50),
            SiteVisitOpens = today.AddDays(51), SiteVisitCloses = today.AddDays(80),
            CrossReviewOpens = today.AddDays(81), CrossReviewCloses = today.AddDays(110),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The illustrative scheme (Demo/demo-scheme.json: 4 dimensions over the 12 indicators, marked as an illustration,
    /// not the official indicator system), with the years before the round published, so every page of the evaluation
    /// has something to show.
    /// </summary>
    private async Task EnsureIllustrativeSchemeAsync(int round, string administrator, CancellationToken cancellationToken)
    {
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Demo", "demo-scheme.json"), cancellationToken);
        var save = await schemes.SaveAsync(json, administrator, illustration: true, cancellationToken);
        if (!save.Saved)
        {
            throw new InvalidOperationException($"The demo scheme is invalid: {string.Join("; ", save.Problems.Select(p => $"{p.Path} {p.Key}"))}");
        }

        for (var year = DemoDataGenerator.FirstYear; year < round; year++)
        {
            if (await results.PublicationAsync(save.Version!.Code, year, cancellationToken) is null)
            {
                await results.PublishAsync(save.Version.Code, year, administrator, cancellationToken);
            }
        }
    }

    /// <summary>Removes the generated forms, values, history, issues and groups; accounts and the registry stay.</summary>
    private Task ClearGeneratedAsync(CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            await db.AuditEntries.ExecuteDeleteAsync(token);
            await db.ResultPublications.ExecuteDeleteAsync(token); // published from the data being replaced
            await db.IndicatorValues.ExecuteDeleteAsync(token);
            await db.Submissions.ExecuteDeleteAsync(token);
            await db.IssueReports.ExecuteDeleteAsync(token);
            await db.ExpertGroupBases.ExecuteDeleteAsync(token);
            await db.ExpertGroupMembers.ExecuteDeleteAsync(token);
            await db.ExpertGroups.ExecuteDeleteAsync(token);
            await DerivedData.RefreshAsync(db, await db.Bases.Select(b => b.Id).ToListAsync(token), token);
            await transaction.CommitAsync(token);
        }, cancellationToken);

    private async Task<Dictionary<string, AppUser>> EnsureAccountsAsync()
    {
        var result = new Dictionary<string, AppUser>();
        foreach (var account in DemoAccounts.All)
        {
            var user = await users.FindByEmailAsync(account.Email);
            var password = NewPassword();
            if (user is null)
            {
                user = new AppUser { UserName = account.Email, Email = account.Email, DisplayName = account.DisplayName, EmailConfirmed = true };
                if (account.Roles.Contains(Roles.BaseContact))
                {
                    user.BaseId = await db.Bases.Where(b => b.Code == DemoAccounts.ContactBase).Select(b => b.Id).SingleAsync();
                }

                Check(await users.CreateAsync(user, password));
                Check(await users.AddToRolesAsync(user, account.Roles));
            }
            else
            {
                Check(await users.RemovePasswordAsync(user));
                Check(await users.AddPasswordAsync(user, password));
            }

            LogAccount(logger, account.Email, string.Join(", ", account.Roles), password);
            result[account.Email] = user;
        }

        return result;
    }

    private async Task GenerateAsync(Dictionary<string, AppUser> accounts, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var bases = await db.Bases.Include(b => b.Province).Where(b => b.IsActive).OrderBy(b => b.Code).ToListAsync(cancellationToken);
        var indicators = await db.Indicators.Where(i => i.IsActive).OrderBy(i => i.DisplayOrder).ToListAsync(cancellationToken);
        var categories = await db.IssueCategories.OrderBy(c => c.DisplayOrder).ToListAsync(cancellationToken);
        var generator = new DemoDataGenerator(seed: 2016, DataSeeder.ReportMeans(), EvaluationRound.DataYear(clock.GetUtcNow()));

        // Groups for every year up to the current round, so that its forms have evaluators.
        for (var year = DemoDataGenerator.FirstYear; year <= generator.RoundYear; year++)
        {
            var east = new ExpertGroup { Name = $"东部评估组 East group {year}", Year = year };
            east.Members.Add(Member(accounts["evaluator.east@demo.mie"], "中国科学技术协会 National society", OrganisationKind.NationalSociety, ExpertiseKind.Professional));
            east.Members[0].IsLeader = true;
            east.Members.Add(Member(accounts["evaluator.ops@demo.mie"], "北京市科协 Local association", OrganisationKind.LocalAssociation, ExpertiseKind.Operational));
            // The second group lacks operational expertise on purpose: the group page shows its warning.
            var west = new ExpertGroup { Name = $"中西部评估组 Central and west group {year}", Year = year };
            west.Members.Add(Member(accounts["evaluator.west@demo.mie"], "中国科学院 Research institution", OrganisationKind.ResearchInstitution, ExpertiseKind.Professional));
            west.Members[0].IsLeader = true;

            foreach (var demoBase in bases.Where(b => b.BatchYear <= year && !(year == generator.RoundYear && DemoDataGenerator.AwaitsGroupInRound(b))))
            {
                var group = demoBase.Province.Region is Region.Central or Region.West ? west : east;
                group.Bases.Add(new ExpertGroupBase { BaseId = demoBase.Id });
            }

            db.ExpertGroups.AddRange(east, west);
        }

        db.Submissions.AddRange(generator.Submissions(bases, indicators, now));
        db.IssueReports.AddRange(generator.Issues(bases, categories, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ExpertGroupMember Member(AppUser user, string organisation, OrganisationKind kind, ExpertiseKind expertise) =>
        new() { UserId = user.Id, Organisation = organisation, OrganisationKind = kind, Expertise = expertise };

    /// <summary>Fresh at every start and never stored anywhere but in the hash: no password lives in the repository.</summary>
    private static string NewPassword() => $"Demo-{Convert.ToHexString(RandomNumberGenerator.GetBytes(6))}-x";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo account {Email} ({Roles}) password: {Password}")]
    private static partial void LogAccount(ILogger logger, string email, string roles, string password);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo data stop before the current round (data year {Round}): generating them again")]
    private static partial void LogRegenerating(ILogger logger, int round);
}
