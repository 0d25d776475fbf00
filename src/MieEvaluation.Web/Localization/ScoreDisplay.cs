using System.Globalization;
using MieEvaluation.Domain.Scoring;
using MieEvaluation.Domain.Statistics;

namespace MieEvaluation.Web.Localization;

/// <summary>Scores as shown: one decimal, halves away from zero (the one display rounding), "—" when undefined.</summary>
public static class ScoreDisplay
{
    public static string Score(double? value) =>
        value is { } v && double.IsFinite(v) ? DisplayRounding.Round((decimal)v, 1).ToString("0.0", CultureInfo.CurrentCulture) : "—";

    /// <summary>A share (0.25) as a percentage with one decimal (25.0 %).</summary>
    public static string Share(double? value) => FigureFormat.Percent(value is { } v && double.IsFinite(v) ? (decimal)v : null);

    /// <summary>
    /// An item's name: its indicator's, with the growth span when the item is a growth rate; or its criterion's, marked
    /// as the experts' score.
    /// </summary>
    public static string ItemName(SchemeItem item, IReadOnlyDictionary<string, (string Zh, string En)> indicatorNames, Microsoft.Extensions.Localization.IStringLocalizer localizer,
        IReadOnlyList<SchemeCriterion>? criteria = null)
    {
        if (item.Criterion is { } code)
        {
            var criterion = criteria?.FirstOrDefault(c => c.Code == code);
            return localizer["Scheme.ExpertScoreOf", criterion is null ? code : LocalizerExtensions.Pick(criterion.NameZh, criterion.NameEn)];
        }

        var name = indicatorNames.TryGetValue(item.Indicator, out var n) ? LocalizerExtensions.Pick(n.Zh, n.En) : item.Indicator;
        return item.Measure == ItemMeasure.Growth ? $"{name} ({localizer["Scheme.GrowthOver", item.GrowthSpan]})" : name;
    }

    /// <summary>A consistency ratio to three decimals, as in the refusal's message.</summary>
    public static string Ratio(double? value) =>
        value is { } v ? DisplayRounding.Round((decimal)v, 3).ToString("0.000", CultureInfo.CurrentCulture) : "—";
}
