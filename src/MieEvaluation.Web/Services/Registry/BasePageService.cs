using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Services.DataEntry;

namespace MieEvaluation.Web.Services.Registry;

public sealed record BaseSubmissionRow(int Year, SubmissionStatus Status, int ValueCount, DateTime UpdatedAtUtc);

/// <summary>A base's own page: its registry entry, its yearly forms with their status, and its audit trail.</summary>
public sealed record BasePage(RegistryEntry Entry, IReadOnlyList<BaseSubmissionRow> Submissions, IReadOnlyList<AuditLine> Audit);

public sealed class BasePageService(MieDbContext db)
{
    public const int AuditLines = 200;

    public async Task<BasePage?> LoadAsync(string code, CancellationToken cancellationToken = default)
    {
        var entry = await db.Bases.AsNoTracking().Where(b => b.Code == code)
            .Select(b => new RegistryEntry(b.Code, b.NameZh, b.NameEn, b.Type, b.Province.Code, b.Province.NameZh, b.Province.NameEn,
                b.Province.Region, b.BatchYear, b.IsActive))
            .SingleOrDefaultAsync(cancellationToken);
        if (entry is null)
        {
            return null;
        }

        var baseId = await db.Bases.Where(b => b.Code == code).Select(b => b.Id).SingleAsync(cancellationToken);
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.BaseId == baseId).OrderByDescending(s => s.Year)
            .Select(s => new BaseSubmissionRow(s.Year, s.Status, s.Values.Count, s.UpdatedAtUtc)).ToListAsync(cancellationToken);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.BaseId == baseId).OrderByDescending(a => a.Id).Take(AuditLines)
            .Select(a => new AuditLine(a.AtUtc, a.UserName,
                db.Indicators.Where(i => i.Id == a.IndicatorId).Select(i => i.NameZh).FirstOrDefault(),
                db.Indicators.Where(i => i.Id == a.IndicatorId).Select(i => i.NameEn).FirstOrDefault(),
                a.OldValue, a.NewValue, a.OldStatus, a.NewStatus, a.Comment, a.Source, a.SourceName))
            .ToListAsync(cancellationToken);
        return new BasePage(entry, submissions, audit);
    }
}
