using System.Globalization;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Statistics;

namespace MieEvaluation.Web.Localization;

/// <summary>How figures are shown: the one place where display rounding happens (docs/formulas.md, section 4).</summary>
public static class FigureFormat
{
    /// <summary>An aggregate with its indicator's decimals, or "—" when there is none.</summary>
    public static string Value(decimal? value, int decimals) =>
        value is { } v ? DisplayRounding.Round(v, decimals).ToString($"N{decimals}", CultureInfo.CurrentCulture) : "—";

    /// <summary>A growth rate as a percentage with one decimal, or "—".</summary>
    public static string Percent(decimal? rate) =>
        rate is { } r ? Domain.Statistics.Percent.Round(r).ToString("0.0", CultureInfo.CurrentCulture) + " %" : "—";

    /// <summary>Why a growth rate is undefined, in the user's language; empty when it is defined.</summary>
    public static string Reason(this IStringLocalizer localizer, GrowthRate growth) =>
        growth.UndefinedReason is { } reason ? localizer[$"Growth.{reason}", growth.UndefinedYear ?? growth.FromYear] : "";

    public static string Reason(this IStringLocalizer localizer, MedianGrowth growth) =>
        growth.UndefinedReason is { } reason ? localizer[$"Growth.{reason}", growth.FromYear] : "";
}
