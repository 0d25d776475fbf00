namespace MieEvaluation.Web.ViewModels.Home;

public sealed record HomePage(int BaseCount, int IndicatorCount, int ProvinceCount);

/// <summary>The data dictionary's live parts: the indicators and the issue categories as the database holds them.</summary>
public sealed record DictionaryPage(IReadOnlyList<MieEvaluation.Domain.Evaluation.Indicator> Indicators, IReadOnlyList<MieEvaluation.Domain.Issues.IssueCategory> Categories);
