using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Services.Registry;

namespace MieEvaluation.Web.Services.Figures;

/// <summary>The state of one base's form in one year; <see cref="Missing"/> when no form exists though one is expected.</summary>
public enum FormState
{
    Approved,
    Submitted,
    Draft,
    Returned,
    Missing,
    NotExpected,
}

public sealed record CompletenessRow(string Code, string NameZh, string NameEn, Region Region, BaseType Type, string ProvinceCode, int BatchYear,
    IReadOnlyList<FormState> Years);

/// <summary>The reporting rate of a year: forms submitted or approved over the bases expected (batch year ≤ that year).</summary>
public sealed record ReportingRate(int Year, int Expected, int Reported)
{
    public decimal? Rate => Expected == 0 ? null : (decimal)Reported / Expected;
}

public sealed record StateCount(string Group, int Year, FormState State, int Count);

public sealed record Completeness(int FromYear, int ToYear, IReadOnlyList<CompletenessRow> Rows, IReadOnlyList<ReportingRate> Rates,
    IReadOnlyList<StateCount> ByRegion, IReadOnlyList<StateCount> ByType);

/// <summary>Which bases reported in which years: the matrix, the counts per region and type, and the reporting rates.</summary>
public sealed class CompletenessService(MieDbContext db)
{
    /// <summary>The active bases the registry filter selects (all when null), over the years from <paramref name="fromYear"/> to <paramref name="toYear"/>.</summary>
    public async Task<Completeness> LoadAsync(int fromYear, int toYear, RegistryFilter? registry = null, CancellationToken cancellationToken = default)
    {
        var selected = db.Bases.AsNoTracking().Where(b => b.IsActive);
        if (registry?.Regions is { } regions)
        {
            selected = selected.Where(b => regions.Contains(b.Province.Region));
        }

        if (registry?.Type is { } type)
        {
            selected = selected.Where(b => b.Type == type);
        }

        if (registry?.Batch is { } batch)
        {
            selected = selected.Where(b => b.BatchYear == batch);
        }

        if (registry?.ProvinceCode is { } province)
        {
            selected = selected.Where(b => b.Province.Code == province);
        }

        var bases = await selected.OrderBy(b => b.Code)
            .Select(b => new { b.Id, b.Code, b.NameZh, b.NameEn, b.Province.Region, b.Type, ProvinceCode = b.Province.Code, b.BatchYear }).ToListAsync(cancellationToken);
        var forms = (await db.Submissions.AsNoTracking().Where(s => s.Year >= fromYear && s.Year <= toYear)
                .Select(s => new { s.BaseId, s.Year, s.Status }).ToListAsync(cancellationToken))
            .ToDictionary(s => (s.BaseId, s.Year), s => s.Status);
        var years = Enumerable.Range(fromYear, toYear - fromYear + 1).ToList();

        var rows = bases.Select(b => new CompletenessRow(b.Code, b.NameZh, b.NameEn, b.Region, b.Type, b.ProvinceCode, b.BatchYear, years.Select(y =>
            y < b.BatchYear ? FormState.NotExpected
            : forms.TryGetValue((b.Id, y), out var status) ? State(status)
            : FormState.Missing).ToList())).ToList();

        var rates = years.Select((y, i) => new ReportingRate(y,
            rows.Count(r => r.Years[i] != FormState.NotExpected),
            rows.Count(r => r.Years[i] is FormState.Submitted or FormState.Approved))).ToList();

        return new Completeness(fromYear, toYear, rows, rates, Count(rows, years, r => r.Region.ToCode()), Count(rows, years, r => r.Type.ToCode()));
    }

    private static List<StateCount> Count(List<CompletenessRow> rows, List<int> years, Func<CompletenessRow, string> group) =>
        rows.GroupBy(group).SelectMany(g => years.SelectMany((y, i) => g.Where(r => r.Years[i] != FormState.NotExpected)
                .GroupBy(r => r.Years[i]).Select(s => new StateCount(g.Key, y, s.Key, s.Count()))))
            .OrderBy(c => c.Group, StringComparer.Ordinal).ThenBy(c => c.Year).ThenBy(c => c.State).ToList();

    private static FormState State(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Approved => FormState.Approved,
        SubmissionStatus.Submitted => FormState.Submitted,
        SubmissionStatus.Returned => FormState.Returned,
        _ => FormState.Draft,
    };
}
