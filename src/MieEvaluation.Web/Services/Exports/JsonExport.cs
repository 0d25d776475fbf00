using System.Text.Json;
using System.Text.Json.Serialization;

namespace MieEvaluation.Web.Services.Exports;

/// <summary>An <see cref="ExportTable"/> as JSON: one object per row, keyed by the CSV's column names; empty cells are null.</summary>
public static class JsonExport
{
    public static List<Dictionary<string, object?>> Rows(ExportTable table) =>
        table.Rows.Select(row => table.Columns.Select((column, i) => (column, cell: i < row.Length ? row[i] : ExportCell.Empty))
            .ToDictionary(c => c.column.Name, c => c.column.Kind switch
            {
                ColumnKind.Text => (object?)c.cell.Text,
                ColumnKind.WholeNumber => c.cell.Number is { } n ? (int)n : null,
                _ => c.cell.Number,
            })).ToList();
}

/// <summary>
/// Decimals in JSON exactly as in CSV (<see cref="CsvExport.Number"/>): 803, not 803.0000 (the scale a database kept),
/// and never an exponent. Registered for every JSON answer of the API.
/// </summary>
public sealed class PlainDecimalJsonConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(CsvExport.Number(value), skipInputValidation: true);
    }
}
