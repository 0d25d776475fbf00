using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Issues;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.ViewModels.Groups;
using MieEvaluation.Web.ViewModels.Issues;

namespace MieEvaluation.Web.Services.Issues;

/// <summary>Problems found during evaluation, per base and year.</summary>
public sealed class IssueReportService(MieDbContext db, TimeProvider clock)
{
    public Task<DemonstrationBase?> FindBaseAsync(string code) =>
        db.Bases.AsNoTracking().SingleOrDefaultAsync(b => b.Code == BaseCodes.Canonical(code));

    public async Task<IReadOnlyList<Choice>> CategoryChoicesAsync() =>
        (await db.IssueCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.DisplayOrder).ToListAsync())
        .Select(c => new Choice(c.Id.ToString(CultureInfo.InvariantCulture), BilingualText.Pick(CultureInfo.CurrentUICulture, c.NameZh, c.NameEn)))
        .ToList();

    public async Task<IReadOnlyList<IssueRow>> ForBaseAsync(int baseId) =>
        await db.IssueReports.AsNoTracking().Where(r => r.BaseId == baseId)
            .OrderByDescending(r => r.Year).ThenBy(r => r.Category.DisplayOrder).ThenBy(r => r.Id)
            .Select(r => new IssueRow(r.Id, r.Year, r.Category.NameZh, r.Category.NameEn, r.Severity, r.Status, r.Text, r.CreatedAtUtc))
            .ToListAsync();

    public Task<IssueReport?> FindAsync(int id) =>
        db.IssueReports.AsNoTracking().Include(r => r.Base).SingleOrDefaultAsync(r => r.Id == id);

    public async Task SetStatusAsync(int id, IssueStatus status)
    {
        var report = await db.IssueReports.SingleAsync(r => r.Id == id);
        report.Status = status;
        report.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
    }

    public async Task RecordAsync(int baseId, IssueInput input)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.IssueReports.Add(new IssueReport
        {
            BaseId = baseId,
            Year = input.Year,
            CategoryId = input.CategoryId,
            Severity = input.Severity,
            Text = input.Text.Trim(),
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        });
        await db.SaveChangesAsync();
    }
}
