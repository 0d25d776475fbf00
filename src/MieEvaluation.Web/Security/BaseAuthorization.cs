using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace MieEvaluation.Web.Security;

/// <summary>A base, in one evaluation year or (Year null) in any year: the resource every base and form decision is about.</summary>
public sealed record BaseYear(int BaseId, int? Year);

/// <summary>What may be done to a <see cref="BaseYear"/>.</summary>
public static class BaseOperations
{
    /// <summary>See the base's page, figures, forms and audit trail.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Open the base's yearly form, drafts included: its evaluators, reviewers and administrators.</summary>
    public static readonly OperationAuthorizationRequirement ReadForm = new() { Name = nameof(ReadForm) };

    /// <summary>Enter and submit the base's values for the year.</summary>
    public static readonly OperationAuthorizationRequirement Write = new() { Name = nameof(Write) };

    /// <summary>Approve, return or reopen the base's form for the year.</summary>
    public static readonly OperationAuthorizationRequirement Review = new() { Name = nameof(Review) };

    /// <summary>Write the base's self-evaluation of the round (of the data year) and its evidence: the base's contact.</summary>
    public static readonly OperationAuthorizationRequirement WriteSelfEvaluation = new() { Name = nameof(WriteSelfEvaluation) };

    /// <summary>
    /// Read the base's round of the data year — its submitted self-evaluation, its site visits, their evidence: the
    /// base's contact, the roles that view figures, and the experts of the groups that score it that year.
    /// </summary>
    public static readonly OperationAuthorizationRequirement ReadRound = new() { Name = nameof(ReadRound) };

    /// <summary>Record the site visits of the base in the data year: the leader of the base's group, and administrators.</summary>
    public static readonly OperationAuthorizationRequirement RecordVisit = new() { Name = nameof(RecordVisit) };
}

/// <summary>
/// The one decision "may this user read / write / review this base in this year", used by the MVC pages, the API and
/// the views (through <see cref="IAuthorizationService"/>) alike. Reading: the roles that view figures, and evaluators
/// for the bases of their own expert groups. Writing: evaluators of the base's group that year
/// (<see cref="EvaluatorScope"/>). Reviewing: reviewers. A base contact reads and writes for their own base only.
/// </summary>
public sealed class BaseAuthorizationHandler(EvaluatorScope scope) : AuthorizationHandler<OperationAuthorizationRequirement, BaseYear>
{
    /// <summary>The roles of the <see cref="Policies.ViewFigures"/> policy: every figure and base page is theirs to read.</summary>
    public static readonly string[] FigureReaders = [Roles.Official, Roles.Analyst, Roles.Reviewer, Roles.Administrator];

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, BaseYear resource)
    {
        var user = context.User;
        var allowed = requirement.Name switch
        {
            nameof(BaseOperations.Read) => FigureReaders.Any(user.IsInRole) || await scope.IsContactOfAsync(user, resource.BaseId)
                                             || await scope.CanWriteAsync(user, resource.BaseId, resource.Year),
            nameof(BaseOperations.ReadForm) => user.IsInRole(Roles.Reviewer) || user.IsInRole(Roles.Administrator)
                                                 || await scope.CanWriteAsync(user, resource.BaseId, resource.Year),
            nameof(BaseOperations.Write) => resource.Year is not null && await scope.CanWriteAsync(user, resource.BaseId, resource.Year),
            nameof(BaseOperations.Review) => user.IsInRole(Roles.Reviewer),
            nameof(BaseOperations.WriteSelfEvaluation) => resource.Year is not null && await scope.IsContactOfAsync(user, resource.BaseId),
            nameof(BaseOperations.ReadRound) => resource.Year is { } year
                                                && (FigureReaders.Any(user.IsInRole) || await scope.IsContactOfAsync(user, resource.BaseId)
                                                    || await scope.ScoresAsync(user, resource.BaseId, year)),
            nameof(BaseOperations.RecordVisit) => resource.Year is { } visitYear
                                                  && (user.IsInRole(Roles.Administrator) || await scope.LeadsAsync(user, resource.BaseId, visitYear)),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }
}
