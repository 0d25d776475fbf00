using MieEvaluation.Domain.Statistics;

namespace MieEvaluation.UnitTests.Statistics;

public sealed class PeerStandingOf
{
    private static readonly Dictionary<int, decimal> Peers = new()
    {
        [10] = 50m,
        [11] = 40m,
        [12] = 40.0m,
        [13] = 30m,
        [14] = 20m,
    };

    [Theory]
    [InlineData(10, 1, "0.9")]
    [InlineData(11, 2, "0.6")]
    [InlineData(12, 2, "0.6")]
    [InlineData(13, 4, "0.3")]
    [InlineData(14, 5, "0.1")]
    public void RanksWithSharedTiesAndGivesThePercentileRank(int baseId, int rank, string percentile)
    {
        var standing = PeerStanding.Of(baseId, Peers);

        Assert.Equal(new PeerStanding(rank, decimal.Parse(percentile, System.Globalization.CultureInfo.InvariantCulture), 5), standing);
    }

    [Fact]
    public void IsNullGivenABaseWithoutValue() => Assert.Null(PeerStanding.Of(99, Peers));

    [Fact]
    public void IsRankOneAtTheFiftiethPercentileGivenNoOtherPeer() =>
        Assert.Equal(new PeerStanding(1, 0.5m, 1), PeerStanding.Of(7, new Dictionary<int, decimal> { [7] = 3m }));

    [Fact]
    public void SharesRankOneGivenAllEqual()
    {
        var standings = PeerStanding.ForAll(new Dictionary<int, decimal> { [1] = 2m, [2] = 2m, [3] = 2m });

        Assert.All(standings.Values, standing => Assert.Equal(new PeerStanding(1, 0.5m, 3), standing));
    }

    [Fact]
    public void GivesEveryBaseTheSameStandingAsOneByOne()
    {
        var standings = PeerStanding.ForAll(Peers);

        Assert.Equal(Peers.Keys.Order(), standings.Keys.Order());
        Assert.All(Peers.Keys, id => Assert.Equal(PeerStanding.Of(id, Peers), standings[id]));
    }

    [Fact]
    public void DisplaysThePercentileWithPercentRound() =>
        Assert.Equal(83.3m, Percent.Round(PeerStanding.Of(1, new Dictionary<int, decimal> { [1] = 3m, [2] = 2m, [3] = 1m })!.Percentile));
}
