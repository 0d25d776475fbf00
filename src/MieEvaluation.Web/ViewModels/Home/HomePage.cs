namespace MieEvaluation.Web.ViewModels.Home;

public sealed record HomePage(int BaseCount, int IndicatorCount, int ProvinceCount);
