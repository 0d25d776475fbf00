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
}

/// <summary>
/// The one decision "may this user read / write / review this base in this year", used by the MVC pages, the API and
/// the views (through <see cref="IAuthorizationService"/>) alike. Reading: the roles that view figures, and evaluators
/// for the bases of their own expert groups. Writing: evaluators of the base's group that year
/// (<see cref="EvaluatorScope"/>). Reviewing: reviewers.
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
            nameof(BaseOperations.Read) => FigureReaders.Any(user.IsInRole) || await scope.CanWriteAsync(user, resource.BaseId, resource.Year),
            nameof(BaseOperations.ReadForm) => user.IsInRole(Roles.Reviewer) || user.IsInRole(Roles.Administrator)
                                                 || await scope.CanWriteAsync(user, resource.BaseId, resource.Year),
            nameof(BaseOperations.Write) => resource.Year is not null && await scope.CanWriteAsync(user, resource.BaseId, resource.Year),
            nameof(BaseOperations.Review) => user.IsInRole(Roles.Reviewer),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }
}
