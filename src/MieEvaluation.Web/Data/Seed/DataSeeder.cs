using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Issues;
using MieEvaluation.Domain.Registry;

namespace MieEvaluation.Web.Data.Seed;

/// <summary>
/// Loads the reference data (provinces, the confirmed bases, indicators, issue categories) from the CSV files that
/// ship with the app. Idempotent: a row whose code already exists is left exactly as users may have changed it.
/// </summary>
internal sealed partial class DataSeeder(MieDbContext db, ILogger<DataSeeder> logger)
{
    internal static string SeedFolder => Path.Combine(AppContext.BaseDirectory, "Data", "Seed");

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var added = 0;
        added += await SeedProvincesAsync(cancellationToken);
        added += await SeedBasesAsync(cancellationToken);
        added += await SeedIndicatorsAsync(cancellationToken);
        added += await SeedIssueCategoriesAsync(cancellationToken);
        if (added > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            LogSeeded(logger, added);
        }
    }

    private async Task<int> SeedProvincesAsync(CancellationToken ct)
    {
        var existing = await db.Provinces.Select(p => p.Code).ToHashSetAsync(ct);
        var rows = Read<ProvinceRow>("provinces.csv").Where(r => !existing.Contains(r.Province)).ToList();
        foreach (var row in rows)
        {
            if (!RegistryCodes.TryParseRegion(row.Region, out var region))
            {
                throw new InvalidDataException($"provinces.csv: unknown region '{row.Region}' for {row.Province}.");
            }

            db.Provinces.Add(new Province { Code = row.Province, NameEn = row.Province, NameZh = row.NameZh, Region = region });
        }

        if (rows.Count > 0)
        {
            // Bases refer to provinces by id, so the provinces must exist first.
            await db.SaveChangesAsync(ct);
        }

        return rows.Count;
    }

    private async Task<int> SeedBasesAsync(CancellationToken ct)
    {
        var existing = await db.Bases.Select(b => b.Code).ToHashSetAsync(ct);
        var provinces = await db.Provinces.ToDictionaryAsync(p => p.Code, ct);
        var rows = Read<BaseRow>("mie-bases.csv").Where(r => !existing.Contains(r.Code)).ToList();
        foreach (var row in rows)
        {
            if (!RegistryCodes.TryParseType(row.Type, out var type) || !provinces.TryGetValue(row.Province, out var province))
            {
                throw new InvalidDataException($"mie-bases.csv: base {row.Code} has an unknown type or province.");
            }

            db.Bases.Add(new DemonstrationBase
            {
                Code = row.Code,
                NameZh = row.NameZh,
                NameEn = row.NameEn,
                Type = type,
                Province = province,
                BatchYear = row.BatchYear,
            });
        }

        return rows.Count;
    }

    private async Task<int> SeedIndicatorsAsync(CancellationToken ct)
    {
        var existing = await db.Indicators.Select(i => i.Code).ToHashSetAsync(ct);
        var rows = Read<IndicatorRow>("indicators.csv").Where(r => !existing.Contains(r.Code)).ToList();
        foreach (var row in rows)
        {
            db.Indicators.Add(new Indicator
            {
                Code = row.Code,
                NameEn = row.NameEn,
                NameZh = row.NameZh,
                UnitEn = row.UnitEn,
                UnitZh = row.UnitZh,
                Decimals = row.Decimals,
                Aggregation = Enum.Parse<AggregationKind>(row.Aggregation, ignoreCase: true),
                DisplayOrder = row.DisplayOrder,
            });
        }

        return rows.Count;
    }

    private async Task<int> SeedIssueCategoriesAsync(CancellationToken ct)
    {
        var existing = await db.IssueCategories.Select(c => c.Code).ToHashSetAsync(ct);
        var rows = Read<IssueCategoryRow>("issue-categories.csv").Where(r => !existing.Contains(r.Code)).ToList();
        foreach (var row in rows)
        {
            db.IssueCategories.Add(new IssueCategory
            {
                Code = row.Code,
                NameEn = row.NameEn,
                NameZh = row.NameZh,
                DisplayOrder = row.DisplayOrder,
            });
        }

        return rows.Count;
    }

    /// <summary>The report's national means of 2016–2018 per indicator code.</summary>
    internal static Dictionary<string, decimal[]> ReportMeans() =>
        Read<ReportMeanRow>("seed-table.csv").ToDictionary(r => r.Code, r => new[] { r.Mean2016, r.Mean2017, r.Mean2018 });

    private static List<T> Read<T>(string fileName)
    {
        using var reader = new StreamReader(Path.Combine(SeedFolder, fileName));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<T>().ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} reference rows")]
    private static partial void LogSeeded(ILogger logger, int count);
}
