namespace MieEvaluation.Web.Security;

/// <summary>
/// Authorization policies by what they allow. Every page requires a signed-in user holding a role unless it says
/// <c>[AllowAnonymous]</c> or <see cref="SignedIn"/> (the fallback policy); the others narrow it further.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in account, with or without a role: the home page, the password page, signing out.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>
    /// Any role, base contacts included: the pages about one base (its page, issues, reports, self-evaluation, visits,
    /// evidence), each of which then decides for the base through <see cref="BaseAuthorizationHandler"/>.
    /// </summary>
    public const string BaseContent = nameof(BaseContent);

    public const string Administer = nameof(Administer);

    /// <summary>Evaluators; which bases and years they may write is checked per action by <see cref="EvaluatorScope"/>.</summary>
    public const string EnterData = nameof(EnterData);

    public const string Review = nameof(Review);

    /// <summary>CSV imports of values: evaluators (rows limited to their groups' bases) and reviewers (historical data).</summary>
    public const string ImportValues = nameof(ImportValues);

    public const string ViewFigures = nameof(ViewFigures);

    public const string Export = nameof(Export);
}
