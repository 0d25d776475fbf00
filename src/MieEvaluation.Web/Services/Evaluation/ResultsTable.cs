using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Services.Exports;

namespace MieEvaluation.Web.Services.Evaluation;

/// <summary>
/// The results as an export table (docs/exports.md): one row per evaluated base, with its names, total, rank, grade,
/// coverage and every dimension and item score at full precision (shown with one decimal by a spreadsheet).
/// </summary>
public static class ResultsTable
{
    public static ExportTable Of(Evaluation evaluation, DateTime madeAtUtc)
    {
        var scheme = evaluation.Scheme.Scheme;
        var items = scheme.Items.Select(i => i.Key).ToList();
        var columns = new List<ExportColumn>
        {
            ExportColumn.Text("base_code"), ExportColumn.Text("name_zh"), ExportColumn.Text("name_en"), ExportColumn.Text("type"),
            ExportColumn.Number("total"), ExportColumn.WholeNumber("rank"), ExportColumn.WholeNumber("ranked_peers"), ExportColumn.Text("grade"),
            ExportColumn.Number("coverage"),
        };
        columns.AddRange(scheme.Dimensions.Select(d => ExportColumn.Number($"dimension:{d.Code}")));
        columns.AddRange(items.Select(ExportColumn.Number));
        columns.Add(ExportColumn.Text("undefined_reason"));
        var rows = evaluation.Results.Bases
            .OrderBy(b => b.Type).ThenBy(b => b.Rank ?? int.MaxValue).ThenBy(b => b.Code, StringComparer.Ordinal)
            .Select(b =>
            {
                var entry = evaluation.BaseOf(b);
                var cells = new List<ExportCell>
                {
                    ExportCell.Of(b.Code), ExportCell.Of(entry.NameZh), ExportCell.Of(entry.NameEn), ExportCell.Of(b.Type.ToCode()),
                    Score(b.Total), ExportCell.Of(b.Rank), ExportCell.Of(b.RankedPeers), ExportCell.Of(b.Grade?.Code), ExportCell.Of((decimal)b.Coverage, 3),
                };
                cells.AddRange(scheme.Dimensions.Select(d => Score(b.Dimensions[d.Code])));
                cells.AddRange(b.Items.Select(i => Score(i.Score)));
                cells.Add(ExportCell.Of(b.UndefinedReason is null ? null : "too_much_missing_data"));
                return cells.ToArray();
            }).ToList();
        var version = evaluation.Scheme.Version;
        return new ExportTable("results", columns, rows, [version.Code, evaluation.Results.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            [
                new("scheme", $"{version.Code} v{version.Version}"), new("year", evaluation.Results.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("scope", "approved"), new("data_version", evaluation.DataVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            madeAtUtc);
    }

    private static ExportCell Score(double? score) => score is { } s && double.IsFinite(s) ? ExportCell.Of((decimal)s, 1) : ExportCell.Empty;
}
