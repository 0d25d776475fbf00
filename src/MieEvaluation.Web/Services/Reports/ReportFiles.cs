using System.Globalization;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Web.Services.Exports;

namespace MieEvaluation.Web.Services.Reports;

/// <summary>The formats a report is made in, named as its address ends (<c>national.pdf</c>).</summary>
public enum ReportFormat
{
    Xlsx,
    Docx,
    Pdf,
}

/// <summary>A made report: its bytes, content type and the name it is downloaded under.</summary>
public sealed record ReportFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Makes the national and the base reports in each format from the same content (docs/exports.md): the workbook from
/// the tables, the PDF and Word documents from the document those tables are set in.
/// </summary>
public sealed class ReportFiles(NationalWorkbook workbook, NationalReport national, BaseReport bases, PdfReport pdf, ReportFonts fonts)
{
    public static bool TryFormat(string? path, out ReportFormat format) =>
        Enum.TryParse(Path.GetExtension(path)?.TrimStart('.'), ignoreCase: true, out format) && Enum.IsDefined(format);

    /// <summary>The national report; null when a PDF or Word document is asked for and the server has no Chinese font.</summary>
    public async Task<ReportFile?> NationalAsync(ReportRequest request, ReportFormat format, CancellationToken cancellationToken = default)
    {
        var data = await workbook.LoadAsync(request, cancellationToken);
        var sheets = workbook.Sheets(data);
        var name = CsvExport.FileName("national-report", data.MadeAtUtc, Extension(format), $"{request.Query.FromYear}", $"{request.Query.ToYear}",
            CultureInfo.CurrentUICulture.Name);
        return format == ReportFormat.Xlsx ? new ReportFile(XlsxExport.WriteWorkbook(sheets), XlsxExport.ContentType, name) : Document(national.Document(data, sheets), format, name);
    }

    /// <summary>A base's report; Found false when no base has the code; File null or when the server has no Chinese font.</summary>
    public async Task<(bool Found, ReportFile? File)> BaseAsync(string code, FigureScope scope, ReportFormat format, CancellationToken cancellationToken = default)
    {
        if (await bases.LoadAsync(code, scope, cancellationToken) is not { } data)
        {
            return (false, null);
        }

        var sheets = bases.Sheets(data);
        var name = CsvExport.FileName("base-report", data.MadeAtUtc, Extension(format), data.Page.Entry.Code, CultureInfo.CurrentUICulture.Name);
        return (true, format == ReportFormat.Xlsx ? new ReportFile(XlsxExport.WriteWorkbook(sheets), XlsxExport.ContentType, name) : Document(bases.Document(data, sheets), format, name));
    }

    /// <summary>The font the PDF and the charts need, for the refusal's message when it is missing.</summary>
    public string? FontPath => fonts.Path;

    private ReportFile? Document(ReportDocument document, ReportFormat format, string name) =>
        (format == ReportFormat.Pdf ? pdf.Write(document) : DocxReport.Write(document, fonts)) is { } bytes
            ? new ReportFile(bytes, format == ReportFormat.Pdf ? PdfReport.ContentType : DocxReport.ContentType, name)
            : null;

    private static string Extension(ReportFormat format) => format.ToString().ToLowerInvariant();
}
