namespace MieEvaluation.Domain.Evaluation;

/// <summary>
/// The yearly evaluation collects the previous calendar year's data: the round held in 2026 is for data year 2025.
/// Data entry, the import and the reviewer's list open on the current round's data year.
/// </summary>
public static class EvaluationRound
{
    /// <summary>The first data year of the national evaluation (the bases designated in 2016).</summary>
    public const int FirstDataYear = 2016;

    /// <summary>The data year of the round held in the year of <paramref name="today"/>.</summary>
    public static int DataYear(DateTimeOffset today) => today.Year - 1;
}
