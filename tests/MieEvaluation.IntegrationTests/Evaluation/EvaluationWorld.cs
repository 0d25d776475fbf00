using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.Evaluation;

/// <summary>
/// The worked example in a real database: its 7 bases (all in the seeded registry, of the same types) with their
/// values approved, and no other values, so that a scheme's results for them are the example's expected results.
/// </summary>
public sealed class EvaluationWorld : IAsyncLifetime
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "WorkedExample");

    public MieAppFactory App { get; } = new();

    public static string SchemeJson => File.ReadAllText(Path.Combine(Folder, "example-scheme.json"));

    public async Task InitializeAsync()
    {
        _ = App.CreateClient();
        await App.WithDbAsync(async db =>
        {
            var bases = await db.Bases.ToDictionaryAsync(b => b.Code);
            var indicators = await db.Indicators.ToDictionaryAsync(i => i.Code);
            var now = DateTime.UtcNow;
            var rows = File.ReadAllLines(Path.Combine(Folder, "example-values.csv")).Skip(1).Select(l => l.Split(','));
            foreach (var form in rows.GroupBy(r => (Code: r[0], Year: int.Parse(r[3], CultureInfo.InvariantCulture))))
            {
                var submission = new Submission
                {
                    BaseId = bases[form.Key.Code].Id, Year = form.Key.Year, Status = SubmissionStatus.Approved, CreatedAtUtc = now, UpdatedAtUtc = now,
                };
                foreach (var row in form)
                {
                    submission.Values.Add(new IndicatorValue { IndicatorId = indicators[row[4]].Id, Value = decimal.Parse(row[5], CultureInfo.InvariantCulture) });
                }

                db.Submissions.Add(submission);
            }

            await db.SaveChangesAsync();
            return 0;
        });
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
