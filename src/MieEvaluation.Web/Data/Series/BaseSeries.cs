namespace MieEvaluation.Web.Data.Series;

/// <summary>
/// A derived copy of one base's values with their years and form statuses, packed into one row
/// (<see cref="SeriesPacking"/>). The figures read one such row per base instead of every value row, which is what
/// keeps the uncached national table within its targets at 100× the real scale
/// (docs/decisions/0011-packed-base-series.md). Never written by hand: <see cref="BaseSeriesMaintenance"/> rewrites
/// the row from the values inside the same transaction as every write that changes them.
/// </summary>
public sealed class BaseSeries
{
    public int BaseId { get; set; }

    public byte[] Data { get; set; } = [];
}
