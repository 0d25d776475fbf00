using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Exports;

namespace MieEvaluation.Web.Services.Import;

/// <summary>
/// The downloadable templates, as CSV or as a workbook: long (header only) and wide, pre-filled with the bases the user
/// may import for. Written like every export (<see cref="ExportTable"/>): codes as text, so that a spreadsheet keeps them.
/// </summary>
public sealed class ImportTemplates(MieDbContext db, EvaluatorScope scope, TimeProvider clock)
{
    public ExportTable LongTemplate() =>
        new("values-long", ValueFile.LongHeader.Select(c => c is "year" ? ExportColumn.WholeNumber(c) : c is "value" ? ExportColumn.Number(c) : ExportColumn.Text(c)).ToList(),
            [], [], [], clock.GetUtcNow().UtcDateTime);

    public async Task<ExportTable> WideTemplateAsync(ClaimsPrincipal user, int year)
    {
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.DisplayOrder).Select(i => i.Code).ToListAsync();
        var bases = db.Bases.AsNoTracking().Where(b => b.IsActive && b.BatchYear <= year);
        if (!user.IsInRole(Roles.Reviewer))
        {
            var allowed = (await scope.WritableBaseIdsAsync(user, year)).ToList();
            bases = bases.Where(b => allowed.Contains(b.Id));
        }

        var rows = await bases.OrderBy(b => b.Code).Select(b => new { b.Code, b.NameZh }).ToListAsync();
        var columns = new[] { ExportColumn.Text("base_code"), ExportColumn.WholeNumber("year"), ExportColumn.Text("base_name") }
            .Concat(indicators.Select(ExportColumn.Number)).ToList();
        var cells = rows.Select(r => new[] { ExportCell.Of(r.Code), ExportCell.Of(year), ExportCell.Of(r.NameZh) }
            .Concat(indicators.Select(_ => ExportCell.Empty)).ToArray()).ToList();
        return new ExportTable("values-wide", columns, cells, [$"{year}"], [KeyValuePair.Create("year", $"{year}")], clock.GetUtcNow().UtcDateTime);
    }
}
