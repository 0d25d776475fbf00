namespace MieEvaluation.Domain.Scoring;

/// <summary>
/// The arithmetic of totals and ranks (docs/formulas.md, 13.5 and 13.6) over one set of item scores, laid out base by
/// base so that a robustness run — thousands of them at 12,000 bases — reads memory in order and allocates nothing.
/// </summary>
internal sealed class TotalsKernel
{
    private readonly int _bases;
    private readonly int _items;
    private readonly int _dimensions;
    private readonly int[] _dimensionOf;
    private readonly double[] _scores;
    private readonly double _maxMissing;
    private readonly IReadOnlyList<int[]> _groups;
    private readonly double[] _sorted;
    private readonly double[] _dimensionSum;
    private readonly double[] _dimensionShare;

    public TotalsKernel(ScoringInputs inputs, double[][] scores)
    {
        _bases = inputs.Bases.Count;
        _items = inputs.Items.Count;
        _dimensions = inputs.Scheme.Dimensions.Count;
        _dimensionOf = [.. inputs.Scheme.Dimensions.SelectMany((d, index) => d.Items.Select(_ => index))];
        _scores = new double[_bases * _items];
        for (var b = 0; b < _bases; b++)
        {
            for (var i = 0; i < _items; i++)
            {
                _scores[(b * _items) + i] = scores[i][b];
            }
        }

        _maxMissing = (double)inputs.Scheme.MaxMissingWeight;
        _groups = inputs.PeerGroups;
        _sorted = new double[_bases];
        _dimensionSum = new double[_dimensions];
        _dimensionShare = new double[_dimensions];
    }

    /// <summary>The item shares of <paramref name="shares"/> in one list, item by item in scheme order.</summary>
    public static double[] Flatten(IReadOnlyList<IReadOnlyList<double>> shares) => [.. shares.SelectMany(s => s)];

    /// <summary>Writes each base's total (NaN when undefined) and, when asked, its coverage.</summary>
    public void Totals(IReadOnlyList<double> dimensionShares, double[] itemShares, double[] totals, double[]? coverage)
    {
        for (var b = 0; b < _bases; b++)
        {
            Array.Clear(_dimensionSum);
            Array.Clear(_dimensionShare);
            var missing = 0.0;
            var row = b * _items;
            for (var i = 0; i < _items; i++)
            {
                var score = _scores[row + i];
                var d = _dimensionOf[i];
                if (double.IsNaN(score))
                {
                    missing += dimensionShares[d] * itemShares[i];
                }
                else
                {
                    _dimensionSum[d] += itemShares[i] * score;
                    _dimensionShare[d] += itemShares[i];
                }
            }

            double weighted = 0, definedShare = 0;
            for (var d = 0; d < _dimensions; d++)
            {
                if (_dimensionShare[d] > 0)
                {
                    weighted += dimensionShares[d] * (_dimensionSum[d] / _dimensionShare[d]);
                    definedShare += dimensionShares[d];
                }
            }

            if (coverage is not null)
            {
                coverage[b] = 1 - missing;
            }

            // A hair of rounding in the shares must not turn "exactly the allowed missing weight" into "too much".
            totals[b] = definedShare > 0 && missing <= _maxMissing + 1e-12 ? weighted / definedShare : double.NaN;
        }
    }

    /// <summary>Writes each base's rank in its peer group (1 + the peers with a higher total), 0 without a total.</summary>
    public void Ranks(double[] totals, int[] ranks) => Rank(_groups, totals, ranks, _sorted);

    /// <summary>The ranks of <see cref="Ranks"/>, with a buffer as long as the totals for the sorting.</summary>
    public static void Rank(IReadOnlyList<int[]> groups, double[] totals, int[] ranks, double[] buffer)
    {
        foreach (var group in groups)
        {
            var n = 0;
            foreach (var b in group)
            {
                if (!double.IsNaN(totals[b]))
                {
                    buffer[n++] = totals[b];
                }
            }

            Array.Sort(buffer, 0, n);
            foreach (var b in group)
            {
                ranks[b] = double.IsNaN(totals[b]) ? 0 : 1 + (n - FirstAbove(buffer, n, totals[b]));
            }
        }
    }

    /// <summary>The position of the first value above <paramref name="value"/> in the ascending first <paramref name="n"/>.</summary>
    private static int FirstAbove(double[] ascending, int n, double value)
    {
        int low = 0, high = n;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (ascending[middle] > value)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
