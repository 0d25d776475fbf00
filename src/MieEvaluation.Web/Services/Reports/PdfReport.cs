using System.Globalization;
using SkiaSharp;

namespace MieEvaluation.Web.Services.Reports;

/// <summary>
/// A report as a PDF for printing and circulating (docs/exports.md), drawn with SkiaSharp: A4, a title page, the
/// Chinese font embedded as a subset, tables whose header row is repeated on every page they run onto (a table too
/// wide for a portrait page is set on landscape pages), charts as vector drawings kept whole on one page, "page n of N"
/// in every footer, and the title, author and date in the document's metadata.
/// </summary>
public sealed class PdfReport(ReportFonts fonts)
{
    public const string ContentType = "application/pdf";

    /// <summary>The report as PDF bytes; null when the server has no Chinese font (<see cref="ReportFonts"/>).</summary>
    public byte[]? Write(ReportDocument document)
    {
        if (fonts.For(document.Texts()) is not { } typeface)
        {
            return null;
        }

        using var subset = ReferenceEquals(typeface, fonts.Whole) ? null : typeface;
        using var layout = new PdfLayout(typeface);
        var pages = layout.Lay(document);
        using var stream = new MemoryStream();
        using (var pdf = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata
        {
            Title = document.Title,
            Author = "MieEvaluation",
            Creator = "MieEvaluation",
            Producer = "MieEvaluation (SkiaSharp)",
            Creation = document.MadeAtUtc,
            Modified = document.MadeAtUtc,
            RasterDpi = 300,
        }))
        {
            using var footerFont = new SKFont(typeface, 9);
            using var grey = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), IsAntialias = true };
            for (var i = 0; i < pages.Count; i++)
            {
                var page = pages[i];
                var canvas = pdf.BeginPage(page.Width, page.Height);
                foreach (var draw in page.Drawing)
                {
                    draw(canvas);
                }

                var label = string.Format(CultureInfo.InvariantCulture, document.PageLabel, i + 1, pages.Count);
                canvas.DrawText(label, page.Width / 2, page.Height - (PdfLayout.Margin / 2), SKTextAlign.Center, footerFont, grey);
                pdf.EndPage();
            }

            pdf.Close();
        }

        return stream.ToArray();
    }
}
