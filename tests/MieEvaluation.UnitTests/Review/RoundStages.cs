using MieEvaluation.Domain.Review;

namespace MieEvaluation.UnitTests.Review;

/// <summary>A round's stage on a day: not scheduled, not yet open, open (both dates included), closed; and impossible dates.</summary>
public sealed class RoundStages
{
    private static readonly ReviewRound Round = new()
    {
        ExpertReviewOpens = new DateOnly(2026, 3, 1), ExpertReviewCloses = new DateOnly(2026, 3, 31), SiteVisitOpens = new DateOnly(2026, 4, 10),
    };

    [Theory]
    [InlineData(2026, 2, 28, StageState.NotYetOpen)]
    [InlineData(2026, 3, 1, StageState.Open)]
    [InlineData(2026, 3, 31, StageState.Open)]
    [InlineData(2026, 4, 1, StageState.Closed)]
    public void AStageIsOpenFromItsOpeningToItsClosingDayIncluded(int year, int month, int day, StageState expected) =>
        Assert.Equal(expected, Round.StateOf(ReviewStage.ExpertReview, new DateOnly(year, month, day)));

    [Fact]
    public void AStageWithoutDatesIsNotScheduledAndOneWithoutAClosingDayStaysOpen()
    {
        Assert.Equal(StageState.NotScheduled, Round.StateOf(ReviewStage.CrossReview, new DateOnly(2026, 6, 1)));
        Assert.Equal(StageState.Open, Round.StateOf(ReviewStage.SiteVisit, new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void ClosingBeforeOpeningOrWithoutOpeningIsRefused()
    {
        var dates = new Dictionary<ReviewStage, (DateOnly?, DateOnly?)>
        {
            [ReviewStage.SelfEvaluation] = (new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 31)),
            [ReviewStage.ExpertReview] = (null, new DateOnly(2026, 3, 31)),
            [ReviewStage.SiteVisit] = (new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 1)),
            [ReviewStage.CrossReview] = (null, null),
        };

        Assert.Equal([ReviewStage.SelfEvaluation, ReviewStage.ExpertReview], ReviewRound.BadDates(s => dates[s]));
    }
}
