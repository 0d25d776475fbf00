using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Services.Import;

/// <summary>
/// Imports the base registry from CSV with the columns of the seed file
/// (<c>code,batch_year,type,province,region,name_zh,name_en</c>): a new code adds a base, an existing code updates its
/// names, type, province and batch. Analyse for the preview, then commit all or nothing.
/// </summary>
public sealed class RegistryImportService(MieDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    private static readonly string[] Header = ["code", "batch_year", "type", "province", "region", "name_zh", "name_en"];

    private sealed record BaseLine(int Line, string Code, int BatchYear, BaseType Type, Province Province, string NameZh, string NameEn);

    public async Task<ImportAnalysis> AnalyseAsync(string path, CancellationToken cancellationToken = default)
    {
        var (lines, errors) = await ReadAsync(path, cancellationToken);
        var existing = await db.Bases.AsNoTracking().ToDictionaryAsync(b => b.Code, cancellationToken);
        return Analyse(lines, errors, existing);
    }

    public async Task<ImportAnalysis> CommitAsync(string path, CancellationToken cancellationToken = default)
    {
        // One read of the file and of the registry serves both the check and the commit.
        var (lines, errors) = await ReadAsync(path, cancellationToken);
        var existing = await db.Bases.ToDictionaryAsync(b => b.Code, cancellationToken);
        var analysis = Analyse(lines, errors, existing);
        if (!analysis.CanCommit)
        {
            return analysis;
        }

        foreach (var line in lines)
        {
            if (!existing.TryGetValue(line.Code, out var found))
            {
                db.Bases.Add(new DemonstrationBase
                {
                    Code = line.Code, NameZh = line.NameZh, NameEn = line.NameEn, Type = line.Type, ProvinceId = line.Province.Id, BatchYear = line.BatchYear,
                });
            }
            else if (!Same(found, line))
            {
                (found.NameZh, found.NameEn, found.Type, found.ProvinceId, found.BatchYear) = (line.NameZh, line.NameEn, line.Type, line.Province.Id, line.BatchYear);
            }
        }

        await db.SaveChangesAsync(cancellationToken); // one SaveChanges: one transaction
        return analysis;
    }

    private static ImportAnalysis Analyse(List<BaseLine> lines, List<RowError> errors, Dictionary<string, DemonstrationBase> existing)
    {
        if (errors.Count > 0)
        {
            return new ImportAnalysis(0, 0, 0, errors, []);
        }

        var added = lines.Count(l => !existing.ContainsKey(l.Code));
        var changed = lines.Count(l => existing.TryGetValue(l.Code, out var b) && !Same(b, l));
        return new ImportAnalysis(added, changed, lines.Count - added - changed, [], []);
    }

    private static bool Same(DemonstrationBase b, BaseLine l) =>
        b.NameZh == l.NameZh && b.NameEn == l.NameEn && b.Type == l.Type && b.ProvinceId == l.Province.Id && b.BatchYear == l.BatchYear;

    private async Task<(List<BaseLine> Lines, List<RowError> Errors)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var (rows, problem) = TabularFile.Open(path);
        if (rows is null)
        {
            return ([], [new RowError(problem!.Line, localizer[problem.Key, problem.Line, problem.Limit])]);
        }

        var provinces = await db.Provinces.AsNoTracking().ToDictionaryAsync(p => p.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var lastYear = clock.GetUtcNow().Year;
        var lines = new List<BaseLine>();
        var errors = new List<RowError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var first = true;
        foreach (var row in rows())
        {
            if (first)
            {
                first = false;
                if (!row.Fields.Select(f => f.Trim().ToLowerInvariant()).SequenceEqual(Header))
                {
                    return ([], [new RowError(1, localizer["Registry.Import.BadHeader", string.Join(',', Header)])]);
                }

                continue;
            }

            if (Check(row, provinces, lastYear) is { } error)
            {
                errors.Add(error);
            }
            else if (!seen.TryAdd(row.Fields[0].Trim(), row.Line))
            {
                errors.Add(new RowError(row.Line, localizer["Registry.Import.Duplicate", seen[row.Fields[0].Trim()]]));
            }
            else
            {
                var f = row.Fields.Select(x => x.Trim()).ToArray();
                var type = RegistryCodes.TryParseType(f[2], out var parsed) ? parsed : throw new InvalidOperationException("Checked above.");
                lines.Add(new BaseLine(row.Line, BaseCodes.Canonical(f[0]), int.Parse(f[1], CultureInfo.InvariantCulture), type, provinces[f[3]], f[5], f[6]));
            }
        }

        if (first)
        {
            errors.Add(new RowError(0, localizer["Import.Empty"]));
        }
        else if (lines.Count == 0 && errors.Count == 0)
        {
            errors.Add(new RowError(1, localizer["Import.HeaderOnly"]));
        }

        return (lines, errors);
    }

    private RowError? Check(CsvRow row, Dictionary<string, Province> provinces, int lastYear)
    {
        if (row.Fields.Length != Header.Length)
        {
            return new RowError(row.Line, localizer["Import.Ragged", row.Fields.Length, Header.Length]);
        }

        var f = row.Fields.Select(x => x.Trim()).ToArray();
        if (!BaseCodes.IsWellFormed(BaseCodes.Canonical(f[0])))
        {
            return new RowError(row.Line, localizer["Registry.Import.BadCode", f[0]]);
        }

        if (!int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var batch) || batch < 2016 || batch > lastYear)
        {
            return new RowError(row.Line, localizer["Registry.BadBatch", f[1], lastYear]);
        }

        if (!RegistryCodes.TryParseType(f[2], out _))
        {
            return new RowError(row.Line, localizer["Registry.UnknownType", f[2]]);
        }

        if (!provinces.TryGetValue(f[3], out var province))
        {
            return new RowError(row.Line, localizer["Registry.UnknownProvince", f[3]]);
        }

        if (f[4].Length > 0 && (!RegistryCodes.TryParseRegion(f[4], out var region) || region != province.Region))
        {
            return new RowError(row.Line, localizer["Registry.Import.RegionMismatch", f[4], f[3], province.Region.ToCode()]);
        }

        return f[5].Length is 0 or > 200 || f[6].Length is 0 or > 300
            ? new RowError(row.Line, localizer["Registry.Import.BadName"])
            : null;
    }
}
