namespace MieEvaluation.DataGenerator;

/// <summary>What to generate: <see cref="Bases"/> bases over <see cref="Years"/> years from <see cref="FirstYear"/>.</summary>
public sealed record SyntheticOptions(int Bases, int Years, int Seed, int FirstYear = SyntheticData.DefaultFirstYear);

/// <summary>A synthetic base; <see cref="ProvinceIndex"/> indexes the seeded provinces (the caller maps it to an id).</summary>
public readonly record struct SyntheticBase(int Index, string Code, string Type, int ProvinceIndex, int BatchYear);

/// <summary>An indicator as the generator needs it: its code for the CSV, its id for the database, its decimals.</summary>
public sealed record SyntheticIndicator(int Id, string Code, int Decimals);

/// <summary>Receives the generated data in order: a base, then per reported year a submission and its values.</summary>
public interface ISyntheticDataSink
{
    void Base(SyntheticBase synthetic);

    void Submission(SyntheticBase synthetic, int year);

    void Value(SyntheticBase synthetic, int year, SyntheticIndicator indicator, decimal value);
}

/// <summary>
/// The synthetic bases and values, deterministic for a seed: per base a log-normal size (median 1,000), 8 % yearly
/// growth with ±20 % log-normal noise, each value rounded to its indicator's decimals, about 3 % missing. A base
/// reports only from its batch year on, because the app refuses (and an import of the CSV would fail on) values
/// before it.
/// </summary>
public sealed class SyntheticData(SyntheticOptions options, IReadOnlyList<SyntheticIndicator> indicators, int provinceCount)
{
    public const int DefaultFirstYear = 2016;

    private const double MissingShare = 0.03;
    private static readonly string[] Types = ["Regional", "UnivInst", "Enterprise"];

    public SyntheticOptions Options => options;

    /// <summary>The registry alone: no random numbers involved, so it is the same whether or not values follow.</summary>
    public SyntheticBase BaseAt(int index) => new(
        index,
        $"G{index + 1:000000}",
        Types[index % Types.Length],
        index % provinceCount,
        // A quarter in the first batch (2016), the rest in the second (2017), as in the real registry's proportions.
        index % 4 == 0 ? 2016 : 2017);

    /// <summary>Walks every base, submission and value once, in order, handing each to every sink; returns the number of values.</summary>
    public long Generate(IReadOnlyList<ISyntheticDataSink> sinks, bool withValues = true)
    {
        var random = new Random(options.Seed);
        long values = 0;
        for (var b = 0; b < options.Bases; b++)
        {
            var synthetic = BaseAt(b);
            foreach (var sink in sinks)
            {
                sink.Base(synthetic);
            }

            if (!withValues)
            {
                continue;
            }

            var size = Math.Exp(Normal(random) * 0.8) * 1000;
            for (var y = 0; y < options.Years; y++)
            {
                var year = options.FirstYear + y;
                if (year < synthetic.BatchYear)
                {
                    continue;
                }

                foreach (var sink in sinks)
                {
                    sink.Submission(synthetic, year);
                }

                foreach (var indicator in indicators)
                {
                    if (random.NextDouble() < MissingShare)
                    {
                        continue;
                    }

                    var value = Math.Round((decimal)(size * Math.Pow(1.08, y) * Math.Exp(Normal(random) * 0.2)), indicator.Decimals);
                    foreach (var sink in sinks)
                    {
                        sink.Value(synthetic, year, indicator, value);
                    }

                    values++;
                }
            }
        }

        return values;
    }

    /// <summary>A standard normal draw (Box–Muller); <c>1 - NextDouble()</c> keeps the logarithm away from zero.</summary>
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
