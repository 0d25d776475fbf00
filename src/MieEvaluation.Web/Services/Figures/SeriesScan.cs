using System.Runtime.CompilerServices;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Statistics;
using MieEvaluation.Web.Data.Series;

namespace MieEvaluation.Web.Services.Figures;

/// <summary>
/// Unpacks one base's series at a time into a grid of values (indicator × year of the query), keeping only what the
/// query counts: years in range, allowed statuses, active indicators. One grid is reused for every base.
/// </summary>
internal sealed class SeriesScan
{
    private readonly int _fromYear;
    private readonly int _years;
    private readonly bool[] _counted;

    // Indexed by indicator id (ids are small): −1 for an indicator the query does not show. A dictionary here cost
    // more than everything else in unpacking 1.4 million values.
    private readonly int[] _slotByIndicator;
    private readonly decimal?[] _grid;

    public SeriesScan(FigureQuery query, IReadOnlyList<Indicator> indicators)
    {
        _fromYear = query.FromYear;
        _years = query.YearCount;
        _counted = Enum.GetValues<SubmissionStatus>().Select(s => query.Statuses?.Contains(s) ?? true).ToArray();
        _slotByIndicator = Enumerable.Repeat(-1, indicators.Count == 0 ? 1 : indicators.Max(i => i.Id) + 1).ToArray();
        for (var slot = 0; slot < indicators.Count; slot++)
        {
            _slotByIndicator[indicators[slot].Id] = slot;
        }

        _grid = new decimal?[indicators.Count * _years];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: runs per base (per value) on every uncached table
    public void Load(byte[] data)
    {
        Array.Clear(_grid);
        var reader = SeriesPacking.Read(data);
        while (reader.Next(out var entry))
        {
            var offset = entry.Year - _fromYear;
            if ((uint)offset < (uint)_years && _counted[(int)entry.Status] &&
                (uint)entry.IndicatorId < (uint)_slotByIndicator.Length && _slotByIndicator[entry.IndicatorId] is var slot and >= 0)
            {
                _grid[(slot * _years) + offset] = entry.Value;
            }
        }
    }

    /// <summary>The loaded base's values of one indicator, indexed by year − FromYear; null where it did not report.</summary>
    public ReadOnlySpan<decimal?> Values(int slot) => _grid.AsSpan(slot * _years, _years);
}

/// <summary>How many peers were above, equal to, and beside one base's own value, per indicator and year.</summary>
internal sealed class PeerCounts(int indicators, int years)
{
    private readonly int[] _higher = new int[indicators * years];
    private readonly int[] _equal = new int[indicators * years];
    private readonly int[] _n = new int[indicators * years];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: runs per base (per value) on every uncached table
    public void Add(SeriesScan own, SeriesScan peer)
    {
        for (var slot = 0; slot < indicators; slot++)
        {
            var mine = own.Values(slot);
            var theirs = peer.Values(slot);
            for (var i = 0; i < years; i++)
            {
                if (mine[i] is { } m && theirs[i] is { } t)
                {
                    var cell = (slot * years) + i;
                    _n[cell]++;
                    if (t > m)
                    {
                        _higher[cell]++;
                    }
                    else if (t == m)
                    {
                        _equal[cell]++;
                    }
                }
            }
        }
    }

    public PeerStanding? Standing(int slot, int year)
    {
        var cell = (slot * years) + year;
        return _n[cell] == 0 ? null : PeerStanding.FromCounts(_higher[cell], _equal[cell], _n[cell]);
    }
}
