using MieEvaluation.Domain.Statistics;

namespace MieEvaluation.Domain.Evaluation;

/// <summary>
/// The plausibility checks on one reported value (docs/formulas.md, "Warnings on entered values"). Pure functions:
/// the caller supplies last year's value and the peers' values.
/// </summary>
public static class ValueChecks
{
    public const decimal JumpFactor = 3m;
    public const decimal OutlierZ = 3.5m;
    public const int MinimumPeers = 8;

    /// <summary>0.6745 makes the MAD of a normal distribution comparable to its standard deviation.</summary>
    public const decimal MadScale = 0.6745m;

    public static IReadOnlyList<ValueWarning> Warnings(decimal? value, decimal? previousYear, IReadOnlyCollection<decimal> peerValues)
    {
        ArgumentNullException.ThrowIfNull(peerValues);
        return Warnings(value, previousYear, () => RobustZ(value ?? 0, peerValues));
    }

    /// <summary>
    /// As <see cref="Warnings(decimal?, decimal?, IReadOnlyCollection{decimal})"/>, with the peers given as the whole group's
    /// distribution that still holds the base's own stored value <paramref name="ownInGroup"/> (left out here).
    /// </summary>
    public static IReadOnlyList<ValueWarning> Warnings(decimal? value, decimal? previousYear, PeerDistribution group, decimal? ownInGroup)
    {
        ArgumentNullException.ThrowIfNull(group);
        return Warnings(value, previousYear, () => RobustZ(value ?? 0, group.MedianAndMad(ownInGroup)));
    }

    private static List<ValueWarning> Warnings(decimal? value, decimal? previousYear, Func<(decimal Score, decimal Median)?> robustZ)
    {
        var warnings = new List<ValueWarning>();
        if (value is null)
        {
            if (previousYear is { } reported)
            {
                warnings.Add(new ValueWarning(ValueWarningKind.MissingButReportedLastYear, null, reported, null));
            }

            return warnings;
        }

        if (previousYear is > 0 && Jump(value.Value, previousYear.Value) is { } ratio)
        {
            warnings.Add(new ValueWarning(ValueWarningKind.JumpFromPreviousYear, value, previousYear.Value, ratio));
        }

        if (robustZ() is { } z && Math.Abs(z.Score) > OutlierZ)
        {
            warnings.Add(new ValueWarning(ValueWarningKind.OutlierAmongPeers, value, z.Median, z.Score));
        }

        return warnings;
    }

    /// <summary>The ratio to last year when it is above 3 or below ⅓ (a drop to 0 included); otherwise null.</summary>
    public static decimal? Jump(decimal value, decimal previousYear)
    {
        var ratio = value / previousYear;
        return ratio > JumpFactor || ratio * JumpFactor < 1m ? ratio : null;
    }

    /// <summary>
    /// z = 0.6745 × (x − median) / MAD over the peers; null with fewer than 8 peers or a MAD of 0 (more than half
    /// the peers report the same value, so no spread can be measured).
    /// </summary>
    public static (decimal Score, decimal Median)? RobustZ(decimal value, IReadOnlyCollection<decimal> peerValues)
    {
        ArgumentNullException.ThrowIfNull(peerValues);
        if (peerValues.Count < MinimumPeers)
        {
            return null;
        }

        var median = Median.Of(peerValues)!.Value;
        var mad = Median.Of(peerValues.Select(p => Math.Abs(p - median)))!.Value;
        return mad == 0 ? null : (MadScale * (value - median) / mad, median);
    }

    private static (decimal Score, decimal Median)? RobustZ(decimal value, (decimal Median, decimal Mad, int N)? peers) =>
        peers is { } p && p.N >= MinimumPeers && p.Mad != 0 ? (MadScale * (value - p.Median) / p.Mad, p.Median) : null;
}
