using System.Globalization;

namespace MieEvaluation.Domain.Scoring;

/// <summary>The weights an AHP pairwise matrix gives, and how consistent it is.</summary>
/// <param name="Weights">The principal eigenvector, normalised to sum 1.</param>
/// <param name="LambdaMax">The principal eigenvalue λmax.</param>
/// <param name="ConsistencyRatio">CR = ((λmax − n)/(n − 1)) / RI(n); 0 for n ≤ 2.</param>
public sealed record AhpWeights(IReadOnlyList<double> Weights, double LambdaMax, double ConsistencyRatio);

/// <summary>
/// The analytic hierarchy process (Saaty): a reciprocal pairwise comparison matrix — entry (i, j) says how much more
/// important i is than j — gives weights by its principal eigenvector (docs/formulas.md, 13.3).
/// </summary>
public static class PairwiseMatrix
{
    /// <summary>A CR at or above this is too inconsistent to use.</summary>
    public const double MaxConsistencyRatio = 0.10;

    /// <summary>The largest matrix Saaty's random index is tabled for.</summary>
    public const int MaxSize = 10;

    /// <summary>How far a_ij · a_ji may be from 1: room for "0.333" written against "3".</summary>
    public const double ReciprocalTolerance = 0.01;

    /// <summary>Saaty's random consistency index RI(n), n = 1 … 10.</summary>
    private static readonly double[] RandomIndex = [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

    /// <summary>An entry as written: a positive number ("3", "0.5") or a fraction of positive numbers ("1/3"); null otherwise.</summary>
    public static double? ParseEntry(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split('/');
        if (parts.Length > 2)
        {
            return null;
        }

        double? Positive(string part) =>
            double.TryParse(part.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) && v > 0 && double.IsFinite(v) ? v : null;
        var numerator = Positive(parts[0]);
        var denominator = parts.Length == 2 ? Positive(parts[1]) : 1;
        return numerator is { } a && denominator is { } b ? a / b : null;
    }

    /// <summary>
    /// The weights of a square matrix of positive entries, by power iteration (the principal eigenvector of a positive
    /// matrix is positive and unique, Perron–Frobenius); the caller has checked it is reciprocal.
    /// </summary>
    public static AhpWeights Weigh(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var weights = Enumerable.Repeat(1.0 / n, n).ToArray();
        var product = new double[n];
        for (var iteration = 0; iteration < 1000; iteration++)
        {
            Multiply(matrix, weights, product);
            var sum = product.Sum();
            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                var next = product[i] / sum;
                change = Math.Max(change, Math.Abs(next - weights[i]));
                weights[i] = next;
            }

            if (change < 1e-15)
            {
                break;
            }
        }

        Multiply(matrix, weights, product);
        var lambdaMax = Enumerable.Range(0, n).Average(i => product[i] / weights[i]);
        var ratio = n <= 2 ? 0 : Math.Max(0, (lambdaMax - n) / (n - 1)) / RandomIndex[n - 1];
        return new AhpWeights(weights, lambdaMax, ratio);
    }

    private static void Multiply(double[,] matrix, double[] vector, double[] result)
    {
        for (var i = 0; i < vector.Length; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < vector.Length; j++)
            {
                sum += matrix[i, j] * vector[j];
            }

            result[i] = sum;
        }
    }
}
