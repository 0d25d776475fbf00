using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Services.DataEntry;
using MieEvaluation.Web.Services.Forms;
using MieEvaluation.Web.Services.Figures;
using MieEvaluation.Web.ViewModels.Issues;

namespace MieEvaluation.Web.Services.Registry;

public sealed record BaseSubmissionRow(int Year, SubmissionStatus Status, int ValueCount, DateTime UpdatedAtUtc);

/// <summary>
/// A base's own page: its registry entry, its values with growth and standing among its type, the national and the
/// type's means to compare with, its yearly forms, its audit trail and its issues.
/// </summary>
public sealed record BasePage(
    RegistryEntry Entry, FigureQuery Range, IReadOnlyList<BaseIndicatorFigures> Figures, NationalFigures National, NationalFigures TypeMeans,
    IReadOnlyList<BaseSubmissionRow> Submissions, IReadOnlyList<AuditLine> Audit, IReadOnlyList<IssueRow> Issues, FigureScope Scope);

/// <summary>A base's code and names.</summary>
public sealed record BaseName(int Id, string Code, string NameZh, string NameEn);

public sealed class BasePageService(MieDbContext db, FiguresService figures, Issues.IssueReportService issues)
{
    public const int MaxAuditLines = 200;

    /// <summary>The id of the base with this code, or null: what the page's authorization is decided on.</summary>
    public async Task<int?> FindIdAsync(string code, CancellationToken cancellationToken = default) =>
        await db.Bases.AsNoTracking().Where(b => b.Code == BaseCodes.Canonical(code)).Select(b => (int?)b.Id).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The base's code and names, for the pages of its round.</summary>
    public async Task<BaseName> NameAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Bases.AsNoTracking().Where(b => b.Id == id).Select(b => new BaseName(b.Id, b.Code, b.NameZh, b.NameEn)).SingleAsync(cancellationToken);

    /// <summary>The page, with its figures counted in <paramref name="scope"/>; null when no base has the code.</summary>
    public async Task<BasePage?> LoadAsync(string code, FigureScope scope, CancellationToken cancellationToken = default)
    {
        var found = await db.Bases.AsNoTracking().Where(b => b.Code == BaseCodes.Canonical(code))
            .Select(b => new
            {
                b.Id,
                Entry = new RegistryEntry(b.Code, b.NameZh, b.NameEn, b.Type, b.Province.Code, b.Province.NameZh, b.Province.NameEn,
                    b.Province.Region, b.BatchYear, b.IsActive),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var (baseId, entry) = (found.Id, found.Entry);
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.BaseId == baseId).OrderByDescending(s => s.Year)
            .Select(s => new BaseSubmissionRow(s.Year, s.Status, s.Values.Count, s.UpdatedAtUtc)).ToListAsync(cancellationToken);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.BaseId == baseId).AsLines(db).Take(MaxAuditLines)
            .ToListAsync(cancellationToken);
        var first = Math.Max(2016, entry.BatchYear);
        var range = new FigureQuery(first, Math.Max(first, await figures.LatestYearAsync(scope, cancellationToken)), Statuses: FigureScopes.Counted(scope));
        if (range.YearCount > 20)
        {
            range = range with { FromYear = range.ToYear - 19 };
        }

        return new BasePage(entry, range, await figures.ForBaseAsync(baseId, range, cancellationToken), await figures.NationalAsync(range, cancellationToken),
            await figures.NationalAsync(range with { Type = entry.Type }, cancellationToken), submissions, audit, await issues.ForBaseAsync(baseId), scope);
    }
}
