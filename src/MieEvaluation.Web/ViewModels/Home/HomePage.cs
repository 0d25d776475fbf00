using MieEvaluation.Web.Services.Home;

namespace MieEvaluation.Web.ViewModels.Home;

/// <summary>
/// The landing page: the registry's size for everyone, and for a signed-in user what each of their roles has to do in
/// the current round (a section is null when the user does not hold the role).
/// </summary>
public sealed record HomePage(int BaseCount, int IndicatorCount, int ProvinceCount)
{
    public int Round { get; init; }

    /// <summary>Whether the user holds any role; without one the page only says to ask an administrator for one.</summary>
    public bool HoldsARole { get; init; }

    public EvaluatorWork? Evaluator { get; init; }

    public ReviewerWork? Reviewer { get; init; }

    /// <summary>The last two complete years with approved data, for officials and analysts.</summary>
    public Headline? Headline { get; init; }

    public RoundProgress? Progress { get; init; }

    public bool Exports { get; init; }

    public SetupChecklist? Setup { get; init; }

}

/// <summary>The data dictionary's live parts: the indicators and the issue categories as the database holds them.</summary>
public sealed record DictionaryPage(IReadOnlyList<MieEvaluation.Domain.Evaluation.Indicator> Indicators, IReadOnlyList<MieEvaluation.Domain.Issues.IssueCategory> Categories);
