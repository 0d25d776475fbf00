using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Statistics;

namespace MieEvaluation.UnitTests.Statistics;

/// <summary>The O(log n) leave-one-out median and MAD equal the definition: Median.Of on the group without that member.</summary>
public sealed class PeerDistributionProperties
{
    // Small integers make ties and a MAD of 0 frequent; decimals with one place make halves in even medians.
    private static readonly Gen<decimal> Value = Gen.OneOf(Gen.Choose(0, 12).Select(i => (decimal)i), Gen.Choose(0, 100_000).Select(i => i / 10m));

    private static readonly Gen<(decimal[] Group, int Left)> GroupAndMember =
        from size in Gen.Choose(1, 40)
        from values in Gen.ArrayOf(Value, size)
        from left in Gen.Choose(0, size - 1)
        select (values, left);

    [Property(MaxTest = 500)]
    public Property LeavingOneOutEqualsTheMedianAndMadOfTheRest() => Prop.ForAll(Arb.From(GroupAndMember), sample =>
    {
        var rest = sample.Group.Where((_, i) => i != sample.Left).ToList();
        var found = new PeerDistribution(sample.Group).MedianAndMad(sample.Group[sample.Left]);
        if (rest.Count == 0)
        {
            return found is null;
        }

        var median = Median.Of(rest)!.Value;
        var mad = Median.Of(rest.Select(v => Math.Abs(v - median)))!.Value;
        return found == (median, mad, rest.Count);
    });

    [Property(MaxTest = 300)]
    public Property AHandedOverArrayGivesTheSameFiguresAsACopy() => Prop.ForAll(Arb.From(GroupAndMember), sample =>
    {
        var expected = Median.Of(sample.Group.Where((_, i) => i != sample.Left).ToList());
        var handedOver = PeerDistribution.TakeOwnership(sample.Group.ToArray()).MedianAndMad(sample.Group[sample.Left]);
        return handedOver?.Median == expected && handedOver == new PeerDistribution(sample.Group).MedianAndMad(sample.Group[sample.Left]);
    });

    [Property(MaxTest = 300)]
    public Property WarnsExactlyAsTheListOfPeersDoes() => Prop.ForAll(Arb.From(GroupAndMember), Arb.From(Value), (sample, typed) =>
    {
        var peers = sample.Group.Where((_, i) => i != sample.Left).ToList();
        var fromList = ValueChecks.Warnings(typed, null, peers);
        var fromGroup = ValueChecks.Warnings(typed, null, new PeerDistribution(sample.Group), sample.Group[sample.Left]);
        return fromList.SequenceEqual(fromGroup);
    });

    [Fact]
    public void RefusesToLeaveOutAValueThatIsNotInTheGroup() =>
        Assert.Throws<ArgumentException>(() => new PeerDistribution([1m, 2m]).MedianAndMad(3m));
}
