using System.Globalization;

namespace MieEvaluation.Domain.Registry;

/// <summary>Picks the Chinese or the English form of a bilingual name for a UI culture.</summary>
public static class BilingualText
{
    public static string Pick(CultureInfo culture, string zh, string en)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? zh : en;
    }
}
