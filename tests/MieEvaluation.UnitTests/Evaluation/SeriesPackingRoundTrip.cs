using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Web.Data.Series;

namespace MieEvaluation.UnitTests.Evaluation;

/// <summary>The packed series give back exactly the values, years, statuses and indicators packed into them.</summary>
public sealed class SeriesPackingRoundTrip
{
    // Every value the model accepts: 0 … 10^12 with up to 4 decimals.
    private static readonly Gen<decimal> Value =
        from units in Gen.Choose(0, int.MaxValue)
        from factor in Gen.Elements(1L, 1_000L, 4_656_612L)
        select Math.Min(units * factor, 10_000_000_000_000_000L) / 10_000m;

    private static readonly Gen<SeriesEntry[]> Entries =
        from forms in Gen.ArrayOf(Gen.Zip(Gen.Choose(2000, 2100), Gen.Elements(Enum.GetValues<SubmissionStatus>())))
        from values in Gen.ArrayOf(Gen.Zip(Gen.Choose(1, 400), Value))
        select forms.DistinctBy(f => f.Item1)
            .SelectMany((form, i) => values.Where((_, j) => j % Math.Max(1, forms.Length) == i).DistinctBy(v => v.Item1)
                .Select(v => new SeriesEntry(form.Item1, form.Item2, v.Item1, v.Item2)))
            .ToArray();

    [Property(MaxTest = 300)]
    public Property UnpacksWhatWasPacked() =>
        Prop.ForAll(Arb.From(Entries), entries =>
        {
            var reader = SeriesPacking.Read(SeriesPacking.Pack(entries));
            var read = new List<SeriesEntry>();
            while (reader.Next(out var entry))
            {
                read.Add(entry);
            }

            Assert.Equal(entries.OrderBy(e => e.Year).ThenBy(e => e.IndicatorId), read.OrderBy(e => e.Year).ThenBy(e => e.IndicatorId));
        });

    [Fact]
    public void KeepsTheLargestValueTheFormAcceptsToTheLastDecimal()
    {
        var entry = new SeriesEntry(2024, SubmissionStatus.Approved, 7, 999_999_999_999.9999m);

        var reader = SeriesPacking.Read(SeriesPacking.Pack([entry]));

        Assert.True(reader.Next(out var read));
        Assert.Equal(entry, read);
        Assert.False(reader.Next(out _));
    }
}
