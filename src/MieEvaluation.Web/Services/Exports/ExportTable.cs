namespace MieEvaluation.Web.Services.Exports;

/// <summary>What a column holds: text (codes and names, never read as numbers), a whole number, or a decimal.</summary>
public enum ColumnKind
{
    Text,
    WholeNumber,
    Number,
}

/// <summary>A column of an export: its name (the CSV header, the JSON key, the spreadsheet's header) and what it holds.</summary>
public sealed record ExportColumn(string Name, ColumnKind Kind)
{
    public static ExportColumn Text(string name) => new(name, ColumnKind.Text);

    public static ExportColumn WholeNumber(string name) => new(name, ColumnKind.WholeNumber);

    public static ExportColumn Number(string name) => new(name, ColumnKind.Number);
}

/// <summary>
/// One cell: text, or a number with the decimals a spreadsheet shows it with (the indicator's; the number itself is
/// kept at full precision). An empty cell has neither.
/// </summary>
public readonly record struct ExportCell(string? Text, decimal? Number, int Decimals)
{
    public static ExportCell Of(string? text) => new(text, null, 0);

    public static ExportCell Of(int number) => new(null, number, 0);

    public static ExportCell Of(int? number) => new(null, number, 0);

    public static ExportCell Of(decimal? number, int decimals) => new(null, number, decimals);

    public static readonly ExportCell Empty = new(null, null, 0);
}

/// <summary>
/// An export as data: its columns and rows, the filters it was made with and when. The same table is written as CSV,
/// as a spreadsheet and as JSON (<see cref="CsvExport"/>, <see cref="XlsxExport"/>, <see cref="JsonExport"/>), so the
/// three never disagree.
/// </summary>
/// <param name="Kind">The export's name in URLs and file names (<c>growth</c>, <c>values</c>…).</param>
/// <param name="Columns">The columns, in order.</param>
/// <param name="Rows">The rows, each as wide as <paramref name="Columns"/>.</param>
/// <param name="FileParts">The filters that name the file (<c>mie-growth-2016-2018-east-…</c>).</param>
/// <param name="Filters">Every parameter as given, for the spreadsheet's "about" sheet.</param>
/// <param name="MadeAtUtc">When the data were read (the file name's date, the "about" sheet's time).</param>
public sealed record ExportTable(string Kind, IReadOnlyList<ExportColumn> Columns, IReadOnlyList<ExportCell[]> Rows, IReadOnlyList<string?> FileParts,
    IReadOnlyList<KeyValuePair<string, string>> Filters, DateTime MadeAtUtc)
{
    public string FileName(string extension) => CsvExport.FileName(Kind, MadeAtUtc, extension, FileParts.ToArray());
}
