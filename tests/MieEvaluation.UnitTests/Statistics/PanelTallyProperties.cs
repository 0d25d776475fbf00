using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Statistics;

namespace MieEvaluation.UnitTests.Statistics;

/// <summary>
/// The one-pass <see cref="PanelTally"/> the dashboards use gives exactly the figures of the reference definitions
/// (<see cref="SeriesGrowth.FromBaseValues"/> over all bases and over <see cref="Panel.BalancedBaseIds"/>).
/// </summary>
public sealed class PanelTallyProperties
{
    private const int FirstYear = 2016;

    // Zeros included: they make per-base growth undefined, which the medians must count apart.
    private static readonly Gen<decimal> Value = Gen.Frequency(
        (1, Gen.Constant(0m)),
        (6, from mantissa in Gen.Choose(1, 1_000_000) select mantissa / 100m));

    private static readonly Gen<(int Years, decimal?[][] Bases)> Panels =
        from years in Gen.Choose(1, 6)
        from baseCount in Gen.Choose(0, 15)
        from cells in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant<decimal?>(null)), (4, Value.Select(v => (decimal?)v))), baseCount * years)
        select (years, Enumerable.Range(0, baseCount).Select(b => cells.Skip(b * years).Take(years).ToArray()).ToArray());

    [Property(MaxTest = 300)]
    public Property TallyEqualsTheReferenceDefinitions() =>
        Prop.ForAll(Arb.From(Panels), Arb.From(Gen.Elements(AggregationKind.Mean, AggregationKind.Sum)), (panel, kind) =>
        {
            var toYear = FirstYear + panel.Years - 1;
            var tally = new PanelTally(FirstYear, toYear);
            var values = new List<BaseYearValue>();
            for (var b = 0; b < panel.Bases.Length; b++)
            {
                tally.AddBase(panel.Bases[b]);
                values.AddRange(panel.Bases[b].Select((v, i) => (v, i)).Where(x => x.v.HasValue)
                    .Select(x => new BaseYearValue(b, FirstYear + x.i, x.v!.Value)));
            }

            AssertSame(SeriesGrowth.FromBaseValues(values, kind, FirstYear, toYear), tally.AllReporting(kind));
            AssertSame(SeriesGrowth.FromBaseValues(values, kind, FirstYear, toYear, Panel.BalancedBaseIds(values, FirstYear, toYear)),
                tally.BalancedPanel(kind));
        });

    [Fact]
    public void RefusesASeriesOfTheWrongLength()
    {
        var tally = new PanelTally(2016, 2018);

        Assert.Throws<ArgumentException>(() => tally.AddBase(new decimal?[2]));
    }

    private static void AssertSame(SeriesGrowth expected, SeriesGrowth actual)
    {
        Assert.Equal(expected.Yearly, actual.Yearly);
        Assert.Equal(expected.Cagr, actual.Cagr);
        Assert.Equal(expected.YearOnYear, actual.YearOnYear);
        Assert.Equal(expected.MedianBaseCagr, actual.MedianBaseCagr);
    }
}
