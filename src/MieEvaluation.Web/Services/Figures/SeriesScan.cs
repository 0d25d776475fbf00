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
    private readonly FigureQuery _query;
    private readonly Dictionary<int, int> _slotByIndicator;
    private readonly decimal?[] _grid;
    private readonly int _years;

    public SeriesScan(FigureQuery query, IReadOnlyList<Indicator> indicators)
    {
        _query = query;
        _years = query.YearCount;
        _slotByIndicator = indicators.Select((indicator, slot) => (indicator.Id, slot)).ToDictionary(x => x.Id, x => x.slot);
        _grid = new decimal?[indicators.Count * _years];
    }

    public void Load(byte[] data)
    {
        Array.Clear(_grid);
        var reader = SeriesPacking.Read(data);
        while (reader.Next(out var entry))
        {
            if (entry.Year >= _query.FromYear && entry.Year <= _query.ToYear &&
                (_query.Statuses is null || _query.Statuses.Contains(entry.Status)) &&
                _slotByIndicator.TryGetValue(entry.IndicatorId, out var slot))
            {
                _grid[(slot * _years) + entry.Year - _query.FromYear] = entry.Value;
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
