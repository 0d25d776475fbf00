namespace MieEvaluation.Web.Data;

/// <summary>
/// A counter in the database that every write affecting the figures increments (see
/// <see cref="FigureDataChangeInterceptor"/>). Cached figures are keyed by it, so a cache is exact even when several
/// app instances share one database: none of them can serve figures computed before the last write.
/// </summary>
public sealed class DataVersion
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long Version { get; set; }
}
