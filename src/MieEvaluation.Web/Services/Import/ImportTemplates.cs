using System.Globalization;
using System.Security.Claims;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Security;

namespace MieEvaluation.Web.Services.Import;

/// <summary>The downloadable templates: long (header only) and wide, pre-filled with the bases the user may import for.</summary>
public sealed class ImportTemplates(MieDbContext db, EvaluatorScope scope)
{
    /// <summary>Cells starting with =, +, -, @ are escaped so that a spreadsheet never runs them as formulas.</summary>
    public static CsvConfiguration SafeCsv => new(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };

    public static byte[] LongFormat()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, SafeCsv))
        {
            foreach (var column in ValueFile.LongHeader)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
        }

        return WithBom(text.ToString());
    }

    private static readonly string[] WideKeyColumns = ["base_code", "year", "base_name"];

    public async Task<byte[]> WideAsync(ClaimsPrincipal user, int year)
    {
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.DisplayOrder).Select(i => i.Code).ToListAsync();
        var bases = db.Bases.AsNoTracking().Where(b => b.IsActive && b.BatchYear <= year);
        if (!user.IsInRole(Roles.Reviewer))
        {
            var allowed = (await scope.WritableBaseIdsAsync(user, year)).ToList();
            bases = bases.Where(b => allowed.Contains(b.Id));
        }

        var rows = await bases.OrderBy(b => b.Code).Select(b => new { b.Code, b.NameZh }).ToListAsync();
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, SafeCsv))
        {
            foreach (var column in WideKeyColumns.Concat(indicators))
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                csv.WriteField(row.Code);
                csv.WriteField(year);
                csv.WriteField(row.NameZh);
                foreach (var _ in indicators)
                {
                    csv.WriteField("");
                }

                csv.NextRecord();
            }
        }

        return WithBom(text.ToString());
    }

    /// <summary>UTF-8 with a byte order mark: Chinese Excel then opens the file with the right encoding.</summary>
    private static byte[] WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
}
