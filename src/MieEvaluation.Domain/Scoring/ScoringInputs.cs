using MieEvaluation.Domain.Registry;
using MieEvaluation.Domain.Statistics;

namespace MieEvaluation.Domain.Scoring;

/// <summary>
/// An evaluated base and its values (approved, reported ones only: an explained gap is simply absent), and the
/// experts' aggregated score per criterion in the year (the aggregate the scheme uses; absent when not scored).
/// </summary>
public sealed record ScoringBase(string Code, BaseType Type, IReadOnlyDictionary<(string Indicator, int Year), decimal> Values,
    IReadOnlyDictionary<string, decimal>? ExpertScores = null);

/// <summary>Why an item has no raw value for a base.</summary>
public enum ItemUndefinedReason
{
    /// <summary>No reported value in the data year.</summary>
    NoValue,

    /// <summary>The growth is undefined (see the growth's own reason).</summary>
    GrowthUndefined,

    /// <summary>The value is outside the transform's domain (ln(1 + x) needs x &gt; −1, √x needs x ≥ 0).</summary>
    OutsideTransform,

    /// <summary>No expert score of the criterion for the base (not scored, or the stage is not closed).</summary>
    NotScored,
}

/// <summary>
/// The raw values of every item for every base of one data year (docs/formulas.md, 13.1), in arrays indexed
/// [item][base], with the peer group of each base; the item scores of each normalisation are made once, on demand.
/// What the nominal results and every robustness run share.
/// </summary>
public sealed class ScoringInputs
{
    private readonly Dictionary<Normalisation, double[][]> _scores = [];

    public ScoringInputs(EvaluationScheme scheme, IReadOnlyList<ScoringBase> bases, int year)
    {
        Scheme = scheme;
        Bases = bases;
        Year = year;
        Items = [.. scheme.Items];
        Raw = new double[Items.Count][];
        Reasons = new ItemUndefinedReason?[Items.Count][];
        GrowthReasons = new GrowthUndefinedReason?[Items.Count][];
        for (var i = 0; i < Items.Count; i++)
        {
            Raw[i] = new double[bases.Count];
            Reasons[i] = new ItemUndefinedReason?[bases.Count];
            GrowthReasons[i] = new GrowthUndefinedReason?[bases.Count];
            for (var b = 0; b < bases.Count; b++)
            {
                (Raw[i][b], Reasons[i][b], GrowthReasons[i][b]) = RawValue(Items[i], bases[b], year);
            }
        }

        var groups = scheme.PeerGroup == PeerGroup.Type
            ? bases.Select(b => (int)b.Type).ToArray()
            : new int[bases.Count];
        PeerGroupOf = groups;
        PeerGroups = [.. Enumerable.Range(0, bases.Count).GroupBy(b => groups[b]).Select(g => g.ToArray())];
    }

    public EvaluationScheme Scheme { get; }

    public IReadOnlyList<ScoringBase> Bases { get; }

    public int Year { get; }

    /// <summary>The scheme's items, dimension by dimension.</summary>
    public IReadOnlyList<SchemeItem> Items { get; }

    /// <summary>Raw value of item i for base b; NaN when undefined.</summary>
    public double[][] Raw { get; }

    public ItemUndefinedReason?[][] Reasons { get; }

    public GrowthUndefinedReason?[][] GrowthReasons { get; }

    /// <summary>The peer group (a number) of each base.</summary>
    public IReadOnlyList<int> PeerGroupOf { get; }

    /// <summary>The bases of each peer group, by index.</summary>
    public IReadOnlyList<int[]> PeerGroups { get; }

    /// <summary>Score of item i for base b under a normalisation (NaN when the raw value is undefined).</summary>
    public double[][] Scores(Normalisation normalisation)
    {
        if (_scores.TryGetValue(normalisation, out var cached))
        {
            return cached;
        }

        var scores = new double[Items.Count][];
        for (var i = 0; i < Items.Count; i++)
        {
            scores[i] = new double[Bases.Count];
            foreach (var group in PeerGroups)
            {
                var groupScores = ItemNormalisation.Scores([.. group.Select(b => Raw[i][b])], normalisation, Items[i].Direction);
                for (var k = 0; k < group.Length; k++)
                {
                    scores[i][group[k]] = groupScores[k];
                }
            }
        }

        _scores[normalisation] = scores;
        return scores;
    }

    /// <summary>
    /// criterion: the experts' aggregated score; level: the value in the year, transformed; growth: the CAGR of the base's own values over the span ending in
    /// the year (the one CAGR of docs/formulas.md), untransformed.
    /// </summary>
    private static (double, ItemUndefinedReason?, GrowthUndefinedReason?) RawValue(SchemeItem item, ScoringBase scored, int year)
    {
        if (item.Criterion is { } criterion)
        {
            // The experts' score enters like any item's raw value, and is normalised among the peers like one.
            return scored.ExpertScores is { } experts && experts.TryGetValue(criterion, out var score)
                ? ((double)score, null, null)
                : (double.NaN, ItemUndefinedReason.NotScored, null);
        }

        decimal? ValueIn(int y) => scored.Values.TryGetValue((item.Indicator, y), out var v) ? v : null;
        if (item.Measure == ItemMeasure.Growth)
        {
            var growth = Growth.Cagr(year - item.GrowthSpan, ValueIn(year - item.GrowthSpan), year, ValueIn(year));
            return growth.Rate is { } rate ? ((double)rate, null, null) : (double.NaN, ItemUndefinedReason.GrowthUndefined, growth.UndefinedReason);
        }

        if (ValueIn(year) is not { } value)
        {
            return (double.NaN, ItemUndefinedReason.NoValue, null);
        }

        var x = (double)value;
        return item.Transform switch
        {
            ItemTransform.Log1p when x <= -1 => (double.NaN, ItemUndefinedReason.OutsideTransform, null),
            ItemTransform.Log1p => (Math.Log(1 + x), null, null),
            ItemTransform.Sqrt when x < 0 => (double.NaN, ItemUndefinedReason.OutsideTransform, null),
            ItemTransform.Sqrt => (Math.Sqrt(x), null, null),
            _ => (x, null, null),
        };
    }
}
