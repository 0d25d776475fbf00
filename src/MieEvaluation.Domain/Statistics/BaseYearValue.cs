namespace MieEvaluation.Domain.Statistics;

/// <summary>One base's reported value of one indicator in one year — the input of panels, medians and ranks.</summary>
public readonly record struct BaseYearValue(int BaseId, int Year, decimal Value);
