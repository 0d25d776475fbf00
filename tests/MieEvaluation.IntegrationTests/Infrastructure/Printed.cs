using System.Globalization;

namespace MieEvaluation.IntegrationTests.Infrastructure;

/// <summary>How a number read back from a file prints on a page: rounded half away from zero to as many decimals as the page's figure shows.</summary>
internal static class Printed
{
    public static string Like(decimal number, string shown, CultureInfo culture)
    {
        var decimals = shown.Contains('.', StringComparison.Ordinal) ? shown.Length - shown.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        return Math.Round(number, decimals, MidpointRounding.AwayFromZero).ToString($"N{decimals}", culture);
    }
}
