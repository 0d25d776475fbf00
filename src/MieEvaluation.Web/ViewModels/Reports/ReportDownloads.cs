namespace MieEvaluation.Web.ViewModels.Reports;

/// <summary>
/// The "download" menu of a page that has a report: the report's address without its extension, the page's query
/// (so the document shows what the page shows), and its name in <c>data-report</c> attributes (<c>national</c>, <c>base</c>).
/// </summary>
public sealed record ReportDownloads(string Path, string Query, string Kind, string Label)
{
    public static readonly string[] Formats = ["pdf", "docx", "xlsx"];

    public string Href(string format) => $"{Path}.{format}{Query}";
}
