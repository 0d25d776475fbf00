using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MieEvaluation.Web.Data.Configurations;

namespace MieEvaluation.Web.Data;

/// <summary>
/// decimal ↔ a whole number of 1/10,000 (the scale of <see cref="IndicatorValueConfiguration.ValueScale"/>), for SQLite.
/// Exact for every value the model accepts: up to 4 decimals and |value| &lt; 9.2 × 10^14.
/// </summary>
internal sealed class FixedPointConverter : ValueConverter<decimal, long>
{
    public const decimal UnitsPerOne = 10_000m;

    public static readonly FixedPointConverter Instance = new();

    private FixedPointConverter()
        : base(value => (long)decimal.Round(value * UnitsPerOne, MidpointRounding.AwayFromZero), units => units / UnitsPerOne)
    {
    }
}
