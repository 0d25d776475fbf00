namespace MieEvaluation.Web.Security;

/// <summary>
/// Authorization policies by what they allow. Every page requires a signed-in user unless it says
/// <c>[AllowAnonymous]</c> (the fallback policy); these narrow it further.
/// </summary>
public static class Policies
{
    public const string Administer = nameof(Administer);

    /// <summary>Evaluators; which bases and years they may write is checked per action by <see cref="EvaluatorScope"/>.</summary>
    public const string EnterData = nameof(EnterData);

    public const string Review = nameof(Review);

    /// <summary>CSV imports of values: evaluators (rows limited to their groups' bases) and reviewers (historical data).</summary>
    public const string ImportValues = nameof(ImportValues);

    public const string ViewFigures = nameof(ViewFigures);

    public const string Export = nameof(Export);
}
