using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Issues;
using MieEvaluation.Domain.Registry;

namespace MieEvaluation.Web.Demo;

/// <summary>
/// Plausible yearly values for the demo: each base has a size (log-normal, so a few bases are giants), each
/// indicator starts near the national mean the report printed for 2016 and follows its 2016–2018 trend, then grows
/// more slowly; a few values are missing. Deterministic for a given seed, so every demo looks the same.
/// </summary>
internal sealed class DemoDataGenerator(int seed, IReadOnlyDictionary<string, decimal[]> reportMeans)
{
    public const int FirstYear = 2016;
    public const int LastYear = 2023;

    private readonly Random _random = new(seed);

    public IEnumerable<Submission> Submissions(IReadOnlyList<DemonstrationBase> bases, IReadOnlyList<Indicator> indicators, DateTime now)
    {
        foreach (var demoBase in bases)
        {
            var size = Math.Exp(Normal() * 0.6);
            for (var year = Math.Max(FirstYear, demoBase.BatchYear); year <= LastYear; year++)
            {
                var submission = new Submission
                {
                    BaseId = demoBase.Id,
                    Year = year,
                    Status = StatusFor(year),
                    CreatedAtUtc = now,
                    UpdatedAtUtc = now,
                };
                submission.SubmittedAtUtc = submission.Status is SubmissionStatus.Submitted or SubmissionStatus.Approved ? now : null;
                submission.ApprovedAtUtc = submission.Status == SubmissionStatus.Approved ? now : null;

                foreach (var indicator in indicators)
                {
                    if (_random.NextDouble() < 0.03)
                    {
                        continue; // a value the base did not report
                    }

                    var value = (decimal)(size * Math.Exp(Normal() * 0.08)) * TrendMean(indicator.Code, year);
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
            for (var year = Math.Max(FirstYear, demoBase.BatchYear); year <= LastYear; year++)
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
                    Status = year < LastYear - 1 && _random.NextDouble() < 0.6 ? IssueStatus.Addressed : IssueStatus.Open,
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

    private SubmissionStatus StatusFor(int year)
    {
        if (year < LastYear)
        {
            return SubmissionStatus.Approved;
        }

        var draw = _random.NextDouble();
        return draw < 0.3 ? SubmissionStatus.Draft : draw < 0.8 ? SubmissionStatus.Submitted : SubmissionStatus.Approved;
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private double Normal() =>
        Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
