using System.Globalization;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Registry;

namespace MieEvaluation.Web.Localization;

/// <summary>Display names of enum values and bilingual database names in the current UI language.</summary>
public static class LocalizerExtensions
{
    public static string Name(this IStringLocalizer localizer, Region region) => localizer[$"Region.{region}"];

    public static string Name(this IStringLocalizer localizer, BaseType type) => localizer[$"BaseType.{type}"];

    /// <summary>The Chinese or English form of a name stored in both languages.</summary>
    public static string Pick(string zh, string en) => BilingualText.Pick(CultureInfo.CurrentUICulture, zh, en);
}
