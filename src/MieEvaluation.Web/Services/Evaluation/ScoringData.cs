using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Domain.Scoring;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Data.Series;

namespace MieEvaluation.Web.Services.Evaluation;

/// <summary>An evaluated base: who it is, and its approved values as the scoring reads them.</summary>
public sealed record EvaluatedBase(int Id, string Code, string NameZh, string NameEn, BaseType Type, Region Region, ScoringBase Scoring);

/// <summary>
/// What a scheme is computed from for a data year (docs/formulas.md, 13): the active bases designated by that year,
/// their approved values of the years the scheme reads, from the packed series (one row per base), and the experts'
/// aggregated scores of the scheme's criteria (section 15).
/// </summary>
public sealed class ScoringData(MieDbContext db, Review.ExpertResults experts)
{
    public async Task<IReadOnlyList<EvaluatedBase>> LoadAsync(EvaluationScheme scheme, int year, CancellationToken cancellationToken = default)
    {
        var firstYear = year - scheme.Items.Select(i => i.Measure == ItemMeasure.Growth ? i.GrowthSpan : 0).DefaultIfEmpty(0).Max();
        var wanted = scheme.Items.Select(i => i.Indicator).ToHashSet(StringComparer.Ordinal);
        var codeById = await db.Indicators.AsNoTracking().Where(i => wanted.Contains(i.Code))
            .ToDictionaryAsync(i => i.Id, i => i.Code, cancellationToken);
        var rows = await (
                from b in db.Bases.AsNoTracking()
                where b.IsActive && b.BatchYear <= year
                join series in db.BaseSeries.AsNoTracking() on b.Id equals series.BaseId into joined
                from series in joined.DefaultIfEmpty()
                orderby b.Code
                select new { b.Id, b.Code, b.NameZh, b.NameEn, b.Type, b.Province.Region, Data = series == null ? null : series.Data })
            .ToListAsync(cancellationToken);
        // The experts' aggregates enter as the criterion items' values once the year's review is closed.
        var scored = await experts.UsedAsync(scheme, year, cancellationToken);
        return [.. rows.Select(r => new EvaluatedBase(r.Id, r.Code, r.NameZh, r.NameEn, r.Type, r.Region,
            new ScoringBase(r.Code, r.Type, Approved(r.Data, codeById, firstYear, year), scored.GetValueOrDefault(r.Code))))];
    }

    /// <summary>The indicators' names by code, for pages that name a scheme's items.</summary>
    public async Task<IReadOnlyDictionary<string, (string Zh, string En)>> IndicatorNamesAsync(CancellationToken cancellationToken = default) =>
        (await db.Indicators.AsNoTracking().Select(i => new { i.Code, i.NameZh, i.NameEn }).ToListAsync(cancellationToken))
            .ToDictionary(i => i.Code, i => (i.NameZh, i.NameEn));

    private static Dictionary<(string, int), decimal> Approved(byte[]? data, Dictionary<int, string> codeById, int fromYear, int toYear)
    {
        var values = new Dictionary<(string, int), decimal>();
        if (data is null)
        {
            return values;
        }

        var reader = SeriesPacking.Read(data);
        while (reader.Next(out var entry))
        {
            if (entry.Status == SubmissionStatus.Approved && entry.Year >= fromYear && entry.Year <= toYear &&
                codeById.TryGetValue(entry.IndicatorId, out var code))
            {
                values[(code, entry.Year)] = entry.Value;
            }
        }

        return values;
    }
}
