using System.Globalization;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Localization;

namespace MieEvaluation.Web.Services.Import;

/// <summary>A problem with one line of a file (line 0: the file as a whole).</summary>
public sealed record RowError(int Line, string Message);

/// <summary>One value read from a file and checked on its own; a null value is an explained gap (its comment says why).</summary>
public sealed record ImportedValue(int Line, int BaseId, int Year, Indicator Indicator, decimal? Value, string? Comment);

/// <summary>Localised message texts, passed in so that the parsing stays free of ASP.NET.</summary>
public delegate string Messages(string key, params object[] args);

/// <summary>
/// The two value formats, told apart by the header: long <c>base_code,year,indicator_code,value[,comment]</c> and wide
/// <c>base_code,year[,base_name],&lt;indicator_code&gt;…</c> (a <c>base_name</c> column, as in the template, is ignored).
/// Each row is checked on its own here, by <see cref="ReportedValueRules"/> as the form checks it; a long row with an
/// empty value and a comment is an explained gap, an empty value without a comment an error. Rules across rows
/// (duplicates, authorization, locks) are the service's.
/// </summary>
public sealed class ValueFile(IReadOnlyDictionary<string, Indicator> indicators, IReadOnlyDictionary<string, (int Id, int BatchYear, bool Active)> bases,
    int lastYear, Messages text)
{
    public static readonly string[] LongHeader = ["base_code", "year", "indicator_code", "value", "comment"];

    /// <summary>Reads the rows; file-level problems (empty, unknown header) come back as one error with line 0 or 1.</summary>
    public IEnumerable<(ImportedValue? Value, RowError? Error)> Read(IEnumerable<CsvRow> rows)
    {
        using var enumerator = rows.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            yield return (null, new RowError(0, text("Import.Empty")));
            yield break;
        }

        var header = enumerator.Current.Fields.Select(f => f.Trim().ToLowerInvariant()).ToArray();
        if (header.Length < 3 || header[0] != "base_code" || header[1] != "year")
        {
            yield return (null, new RowError(1, text("Import.BadHeader")));
            yield break;
        }

        var isLong = header[2] == "indicator_code";
        if (isLong && !(header.Length is 4 or 5 && header.SequenceEqual(LongHeader.Take(header.Length))))
        {
            yield return (null, new RowError(1, text("Import.BadHeader")));
            yield break;
        }

        var columns = isLong ? [] : header.Select((name, index) => (name, index)).Skip(2).Where(c => c.name != "base_name").ToList();
        var unknown = columns.Where(c => !indicators.ContainsKey(c.name)).Select(c => c.name).ToList();
        if (unknown.Count > 0 || columns.Select(c => c.name).Distinct().Count() != columns.Count)
        {
            yield return (null, new RowError(1, text("Import.UnknownColumns", string.Join(", ", unknown.DefaultIfEmpty("?")))));
            yield break;
        }

        var any = false;
        while (enumerator.MoveNext())
        {
            any = true;
            var row = enumerator.Current;
            if (row.Fields.Length != header.Length)
            {
                yield return (null, new RowError(row.Line, text("Import.Ragged", row.Fields.Length, header.Length)));
                continue;
            }

            if (CheckBaseYear(row, out var baseId, out var year) is { } error)
            {
                yield return (null, error);
                continue;
            }

            if (isLong)
            {
                yield return Value(row, baseId, year, row.Fields[2].Trim(), row.Fields[3], header.Length == 5 ? row.Fields[4] : null);
            }
            else
            {
                foreach (var (name, index) in columns.Where(c => !string.IsNullOrWhiteSpace(row.Fields[c.index])))
                {
                    yield return Value(row, baseId, year, name, row.Fields[index], null);
                }
            }
        }

        if (!any)
        {
            yield return (null, new RowError(1, text("Import.HeaderOnly")));
        }
    }

    private RowError? CheckBaseYear(CsvRow row, out int baseId, out int year)
    {
        baseId = 0;
        year = 0;
        var code = row.Fields[0].Trim();
        if (!bases.TryGetValue(BaseCodes.Canonical(code), out var found) || !found.Active)
        {
            return new RowError(row.Line, UnknownBase(code));
        }

        baseId = found.Id;
        if (!int.TryParse(row.Fields[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out year) || year < found.BatchYear || year > lastYear)
        {
            return new RowError(row.Line, text("Import.BadYear", row.Fields[1].Trim(), code, found.BatchYear, lastYear));
        }

        return null;
    }

    /// <summary>An unknown code; one that a spreadsheet turned into a number (<c>1.60E+02</c>) says so and names the base it probably was.</summary>
    private string UnknownBase(string code)
    {
        var probably = BaseCodes.MangledFrom(code, bases.Where(b => b.Value.Active).Select(b => b.Key));
        return probably.Count > 0
            ? text("Import.MangledBase", code, string.Join(", ", probably.Select(c => $"{c} ({BaseCodes.Former(c)})")))
            : text("Import.UnknownBase", code);
    }

    private (ImportedValue?, RowError?) Value(CsvRow row, int baseId, int year, string indicatorCode, string text1, string? comment)
    {
        if (!indicators.TryGetValue(indicatorCode, out var indicator))
        {
            return (null, new RowError(row.Line, text("Import.UnknownIndicator", indicatorCode)));
        }

        var problem = ReportedValueRules.CheckValue(text1, indicator.Decimals, out var value)
                      ?? ReportedValueRules.CheckComment(comment)
                      ?? (value is null && string.IsNullOrWhiteSpace(comment) ? ValueProblem.MissingUnexplained : null);
        if (problem is { } wrong)
        {
            var (key, args) = LocalizerExtensions.ValueProblemMessage(wrong, indicatorCode, text1, indicator.Decimals);
            return (null, new RowError(row.Line, text(key, args)));
        }

        return (new ImportedValue(row.Line, baseId, year, indicator, value, ReportedValueRules.CleanComment(comment)), null);
    }
}
