using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Issues;
using MieEvaluation.Domain.Registry;

namespace MieEvaluation.Web.Demo;

/// <summary>
/// Plausible yearly values for the demo: each base has a size (log-normal, so a few bases are giants), each
/// indicator starts near the national mean the report printed for 2016 and follows its 2016–2018 trend, then grows
/// more slowly; a few values are missing. Every year before the current round is approved; the current round
/// (<paramref name="roundYear"/>, the data year the evaluation collects now) is open: a third of the bases have no form
/// yet, a third a draft with a jump to explain, a third a complete form submitted for review; the north-east bases await
/// their expert group (<see cref="AwaitsGroupInRound"/>) and have no form. Deterministic for a given
/// seed and round, so every demo of a year looks the same.
/// </summary>
internal sealed class DemoDataGenerator(int seed, IReadOnlyDictionary<string, decimal[]> reportMeans, int roundYear)
{
    public const int FirstYear = 2016;

    /// <summary>The factor of the one value a draft of the current round jumps by (above <see cref="ValueChecks.JumpFactor"/>).</summary>
    private const decimal DraftJump = 6m;

    public int RoundYear => roundYear;

    /// <summary>
    /// The bases whose expert group for the current round is not yet formed: the administrator's checklist has them as
    /// work to do, and they have no form in the round.
    /// </summary>
    public static bool AwaitsGroupInRound(DemonstrationBase demoBase) => demoBase.Province.Region == Region.Northeast;

    private readonly Random _random = new(seed);

    public IEnumerable<Submission> Submissions(IReadOnlyList<DemonstrationBase> bases, IReadOnlyList<Indicator> indicators, DateTime now)
    {
        for (var index = 0; index < bases.Count; index++)
        {
            var demoBase = bases[index];
            var size = Math.Exp(Normal() * 0.6);
            for (var year = Math.Max(FirstYear, demoBase.BatchYear); year <= roundYear; year++)
            {
                var round = year == roundYear ? index % 3 : -1; // 0: no form yet, 1: a draft to finish, 2: submitted
                if (round == 0 || (year == roundYear && AwaitsGroupInRound(demoBase)))
                {
                    continue;
                }

                var submission = new Submission
                {
                    BaseId = demoBase.Id,
                    Year = year,
                    Status = round switch { 1 => SubmissionStatus.Draft, 2 => SubmissionStatus.Submitted, _ => SubmissionStatus.Approved },
                    CreatedAtUtc = now,
                    UpdatedAtUtc = now,
                };
                submission.SubmittedAtUtc = submission.Status is SubmissionStatus.Submitted or SubmissionStatus.Approved ? now : null;
                submission.ApprovedAtUtc = submission.Status == SubmissionStatus.Approved ? now : null;

                foreach (var indicator in indicators)
                {
                    if (_random.NextDouble() < 0.03 && round < 0)
                    {
                        continue; // a value the base did not report (the current round's forms are complete)
                    }

                    var value = (decimal)(size * Math.Exp(Normal() * 0.08)) * TrendMean(indicator.Code, year);
                    if (round == 1 && indicator == indicators[0])
                    {
                        value *= DraftJump; // the warning the evaluator must explain before submitting
                    }

                    submission.Values.Add(new IndicatorValue
                    {
                        IndicatorId = indicator.Id,
                        Value = Math.Round(Math.Max(0m, value), indicator.Decimals, MidpointRounding.AwayFromZero),
                    });
                }

                yield return submission;
            }
        }
    }

    public IEnumerable<IssueReport> Issues(IReadOnlyList<DemonstrationBase> bases, IReadOnlyList<IssueCategory> categories, DateTime now)
    {
        foreach (var demoBase in bases)
        {
            for (var year = Math.Max(FirstYear, demoBase.BatchYear); year < roundYear; year++)
            {
                if (_random.NextDouble() > 0.3)
                {
                    continue;
                }

                var category = categories[_random.Next(categories.Count)];
                yield return new IssueReport
                {
                    BaseId = demoBase.Id,
                    Year = year,
                    CategoryId = category.Id,
                    Severity = (IssueSeverity)_random.Next(3),
                    Status = year < roundYear - 2 && _random.NextDouble() < 0.6 ? IssueStatus.Addressed : IssueStatus.Open,
                    Text = $"演示：{category.NameZh}。Demo: {category.NameEn}.",
                    CreatedAtUtc = now,
                    UpdatedAtUtc = now,
                };
            }
        }
    }

    private decimal TrendMean(string indicatorCode, int year)
    {
        if (!reportMeans.TryGetValue(indicatorCode, out var means))
        {
            return 100m;
        }

        if (year <= 2018)
        {
            return means[year - FirstYear];
        }

        // After the report: half the report's yearly growth, between 1 % and 15 % (the report's 220 % for national talent
        // reflects the 2017 batch joining, not a trend to extrapolate).
        var yearly = Math.Clamp(1 + ((Math.Pow((double)(means[2] / means[0]), 0.5) - 1) / 2), 1.01, 1.15);
        return means[2] * (decimal)Math.Pow(yearly, year - 2018);
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private double Normal() =>
        Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
