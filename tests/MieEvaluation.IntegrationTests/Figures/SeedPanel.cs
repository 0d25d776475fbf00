using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;
using MieEvaluation.IntegrationTests.Infrastructure;
using MieEvaluation.Web.Data;

namespace MieEvaluation.IntegrationTests.Figures;

/// <summary>
/// The report's situation rebuilt in a real database: 28 bases reporting in 2016 and 120 in 2017 and 2018, with
/// per-base values whose yearly means are exactly the report's figures (seed-table.csv).
/// </summary>
public static class SeedPanel
{
    public sealed record SeedRow(string Code, decimal[] Means, decimal CagrPercent);

    /// <summary>One app over one such database, shared by the tests of a class: they only read.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public MieAppFactory App { get; } = new();

        public IReadOnlySet<int> Batch2016 { get; private set; } = new HashSet<int>();

        public async Task InitializeAsync()
        {
            _ = App.CreateClient();
            Batch2016 = await App.WithDbAsync(db => BuildAsync(db));
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    public static IReadOnlyList<SeedRow> ReadSeedTable() =>
        File.ReadAllLines(TestPaths.SeedFile("seed-table.csv")).Skip(1).Select(line =>
        {
            // code,name_en,name_zh,unit,2016,2017,2018,cagr — units may be quoted and contain commas, so read from the end.
            var cells = line.Split(',');
            decimal Cell(int fromEnd) => decimal.Parse(cells[^fromEnd], CultureInfo.InvariantCulture);
            return new SeedRow(cells[0], [Cell(4), Cell(3), Cell(2)], Cell(1));
        }).ToList();

    /// <summary>Adds 64 test bases of the 2017 batch (120 in all) and the values; returns the ids of the 2016 batch.</summary>
    public static async Task<IReadOnlySet<int>> BuildAsync(MieDbContext db, int seed = 42)
    {
        var random = new Random(seed);
        var province = await db.Provinces.FirstAsync(p => p.Code == "Sichuan");
        for (var i = 1; i <= 64; i++)
        {
            db.Bases.Add(new DemonstrationBase
            {
                Code = $"17T{i:000}", NameZh = $"测试基地{i}", NameEn = $"Test base {i}", Type = (BaseType)(i % 3), Province = province, BatchYear = 2017,
            });
        }

        await db.SaveChangesAsync();
        var bases = await db.Bases.OrderBy(b => b.Code).ToListAsync();
        var indicators = await db.Indicators.ToDictionaryAsync(i => i.Code);
        var now = DateTime.UtcNow;
        var submissions = new Dictionary<(int BaseId, int Year), Submission>();
        foreach (var row in ReadSeedTable())
        {
            var indicator = indicators[row.Code];
            for (var y = 0; y < 3; y++)
            {
                var year = 2016 + y;
                var reporting = bases.Where(b => b.BatchYear <= year).ToList();
                var values = ValuesWithExactMean(random, row.Means[y], reporting.Count, indicator.Decimals);
                for (var i = 0; i < reporting.Count; i++)
                {
                    var key = (reporting[i].Id, year);
                    if (!submissions.TryGetValue(key, out var submission))
                    {
                        submission = new Submission { BaseId = reporting[i].Id, Year = year, Status = SubmissionStatus.Approved, CreatedAtUtc = now, UpdatedAtUtc = now };
                        submissions[key] = submission;
                    }

                    submission.Values.Add(new IndicatorValue { IndicatorId = indicator.Id, Value = values[i] });
                }
            }
        }

        db.Submissions.AddRange(submissions.Values);
        await db.SaveChangesAsync();
        return bases.Where(b => b.BatchYear == 2016).Select(b => b.Id).ToHashSet();
    }

    /// <summary>n values of spread-out sizes with the indicator's decimals whose sum is exactly n × mean.</summary>
    public static decimal[] ValuesWithExactMean(Random random, decimal mean, int n, int decimals)
    {
        while (true)
        {
            var values = new decimal[n];
            for (var i = 0; i < n - 1; i++)
            {
                values[i] = Math.Round(mean * (decimal)(0.6 + (0.8 * random.NextDouble())), decimals, MidpointRounding.AwayFromZero);
            }

            values[^1] = (mean * n) - values[..^1].Sum();
            if (values[^1] >= 0)
            {
                return values;
            }
        }
    }
}
