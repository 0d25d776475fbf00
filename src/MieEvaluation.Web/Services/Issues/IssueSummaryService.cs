using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Issues;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Services.Issues;

public sealed record IssueFilter(int? Year, int? CategoryId, IReadOnlySet<Region>? Regions, IssueStatus? Status);

public sealed record IssueListRow(int Id, string BaseCode, string BaseZh, string BaseEn, Region Region, BaseType Type, int Year, int CategoryId,
    string CategoryCode, string CategoryZh, string CategoryEn, IssueSeverity Severity, IssueStatus Status, string Text);

public sealed record RecurringIssue(string BaseCode, string BaseZh, string BaseEn, string CategoryZh, string CategoryEn, IReadOnlyList<int> Years);

public sealed record IssueSummary(
    IReadOnlyList<IssueCategory> Categories, IReadOnlyList<(int CategoryId, Region Region, int Count)> ByRegion,
    IReadOnlyList<(int CategoryId, int Year, int Count)> ByYear, IReadOnlyList<RecurringIssue> Recurring, IReadOnlyList<IssueListRow> Issues);

/// <summary>The problems found: counts by category × region and × year, the recurring ones, and the texts, filtered.</summary>
public sealed class IssueSummaryService(MieDbContext db)
{
    public async Task<IssueSummary> LoadAsync(IssueFilter filter, CancellationToken cancellationToken = default)
    {
        var rows = await ListAsync(filter, cancellationToken);
        var categories = await db.IssueCategories.AsNoTracking().OrderBy(c => c.DisplayOrder).ToListAsync(cancellationToken);
        var byRegion = rows.GroupBy(r => (r.CategoryId, r.Region)).Select(g => (g.Key.CategoryId, g.Key.Region, g.Count())).ToList();
        var byYear = rows.GroupBy(r => (r.CategoryId, r.Year)).Select(g => (g.Key.CategoryId, g.Key.Year, g.Count())).OrderBy(x => x.Year).ToList();
        var recurring = rows.GroupBy(r => (r.BaseCode, r.CategoryId))
            .Where(g => g.Select(r => r.Year).Distinct().Count() > 1)
            .Select(g => new RecurringIssue(g.Key.BaseCode, g.First().BaseZh, g.First().BaseEn, g.First().CategoryZh, g.First().CategoryEn,
                g.Select(r => r.Year).Distinct().Order().ToList()))
            .OrderByDescending(r => r.Years.Count).ThenBy(r => r.BaseCode, StringComparer.Ordinal).ToList();
        return new IssueSummary(categories, byRegion, byYear, recurring, rows);
    }

    public async Task<List<IssueListRow>> ListAsync(IssueFilter filter, CancellationToken cancellationToken = default)
    {
        var query = db.IssueReports.AsNoTracking();
        if (filter.Year is { } year)
        {
            query = query.Where(r => r.Year == year);
        }

        if (filter.CategoryId is { } category)
        {
            query = query.Where(r => r.CategoryId == category);
        }

        if (filter.Regions is { } regions)
        {
            query = query.Where(r => regions.Contains(r.Base.Province.Region));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        return await query.OrderByDescending(r => r.Year).ThenBy(r => r.Base.Code).ThenBy(r => r.Id)
            .Select(r => new IssueListRow(r.Id, r.Base.Code, r.Base.NameZh, r.Base.NameEn, r.Base.Province.Region, r.Base.Type, r.Year, r.CategoryId,
                r.Category.Code, r.Category.NameZh, r.Category.NameEn, r.Severity, r.Status, r.Text))
            .ToListAsync(cancellationToken);
    }
}
