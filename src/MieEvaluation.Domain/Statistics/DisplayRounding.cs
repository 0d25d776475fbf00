namespace MieEvaluation.Domain.Statistics;

/// <summary>
/// The one rounding of a figure for display — tables, chart data, CSV cells that are rounded, the API's percentages:
/// halves away from zero (2.345 → 2.35, −2.345 → −2.35), as Chinese statistical tables print them. Computations never
/// round; only what is shown is rounded, once, here (docs/formulas.md, section 4).
/// </summary>
public static class DisplayRounding
{
    public static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    public static decimal? Round(decimal? value, int decimals) => value is { } v ? Round(v, decimals) : null;
}
