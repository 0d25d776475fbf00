using SkiaSharp;

namespace MieEvaluation.Web.Services.Reports;

/// <summary>One laid-out page: its size and what is drawn on it, in order.</summary>
internal sealed record PdfPage(float Width, float Height, List<Action<SKCanvas>> Drawing);

/// <summary>
/// Lays a report out on pages: text wrapped to the width (at any character in Chinese, at spaces in English), a
/// heading kept with what follows it, table rows never split, a chart moved whole to the next page when it does not fit.
/// </summary>
internal sealed class PdfLayout(SKTypeface typeface) : IDisposable
{
    public const float Margin = 56.7f; // 2 cm
    private const float A4Short = 595.28f, A4Long = 841.89f;
    private const float TableFontSize = 8, SmallestTableFont = 6, CellPadding = 3, MinimumTextCharacters = 5;
    private static readonly SKColor Ink = SKColors.Black, Accent = new(0x1F, 0x38, 0x64), Rule = new(0x99, 0x99, 0x99), HeaderFill = new(0xE8, 0xEC, 0xF1);

    private readonly List<PdfPage> pages = [];
    private readonly Dictionary<float, SKFont> fontsBySize = [];
    private readonly Dictionary<ReportTable, (float Size, float[] Widths, bool Landscape)> fits = new(ReferenceEqualityComparer.Instance);
    private PdfPage page = null!;
    private float y;

    private float Bottom => page.Height - Margin;

    private float Width => page.Width - (2 * Margin);

    public List<PdfPage> Lay(ReportDocument document)
    {
        TitlePage(document);
        NewPage(landscape: false);
        var blocks = document.Blocks;
        for (var i = 0; i < blocks.Count; i++)
        {
            switch (blocks[i])
            {
                case ReportHeading heading:
                    Heading(heading.Text, SectionOrientation(blocks, i));
                    break;
                case ReportText text:
                    Paragraph(text.Text, 10.5f, Ink);
                    break;
                case ReportTable table:
                    Table(table);
                    break;
                case ReportChart chart:
                    Chart(chart);
                    break;
            }
        }

        return pages;
    }

    private void NewPage(bool landscape)
    {
        // A page with nothing on it yet is turned rather than left blank.
        if (pages.Count > 0 && page.Drawing.Count == 0)
        {
            pages.RemoveAt(pages.Count - 1);
        }

        page = landscape ? new PdfPage(A4Long, A4Short, []) : new PdfPage(A4Short, A4Long, []);
        pages.Add(page);
        y = Margin;
    }

    private void TitlePage(ReportDocument document)
    {
        NewPage(landscape: false);
        y = page.Height / 3;
        Paragraph(document.Title, 24, Accent, centred: true);
        y += 18;
        foreach (var line in document.Subtitle)
        {
            Paragraph(line, 11, Ink, centred: true);
        }
    }

    /// <summary>
    /// Whether the section starting at <paramref name="heading"/> needs a landscape page (its first table is too wide
    /// for portrait), a portrait one (a chart or a narrow table), or either (text only): so that a heading and its
    /// lead move with the table onto a landscape page rather than being left alone on a portrait one.
    /// </summary>
    private bool? SectionOrientation(IReadOnlyList<ReportBlock> blocks, int heading)
    {
        var next = blocks.Skip(heading + 1).SkipWhile(b => b is ReportText).FirstOrDefault();
        return next switch
        {
            ReportTable table => Fitted(table).Landscape,
            ReportChart => false,
            _ => null,
        };
    }

    /// <summary>A table's fit, measured once (its section's orientation and its layout both need it).</summary>
    private (float Size, float[] Widths, bool Landscape) Fitted(ReportTable table)
    {
        if (!fits.TryGetValue(table, out var fit))
        {
            fit = Fit(table.Sheet.Headers, Texts(table.Sheet), Numeric(table.Sheet));
            fits[table] = fit;
        }

        return fit;
    }

    private static List<string[]> Texts(Exports.WorkbookSheet sheet) =>
        [.. sheet.Rows.Select(row => sheet.Columns.Select((column, c) => c < row.Length ? ReportTable.Shown(row[c], column) : "").ToArray())];

    private static bool[] Numeric(Exports.WorkbookSheet sheet) => [.. sheet.Columns.Select(c => c.Kind != Exports.ColumnKind.Text)];

    private void Heading(string text, bool? landscape)
    {
        var isLandscape = page.Width > page.Height;
        // Kept with what follows: a heading with less than a few lines of room under it starts the next page, as does
        // one whose section needs the other orientation.
        if (y + 80 > Bottom || (landscape is { } wanted && wanted != isLandscape))
        {
            NewPage(landscape ?? isLandscape);
        }

        y += 10;
        Paragraph(text, 15, Accent);
        y += 4;
    }

    private void Paragraph(string text, float size, SKColor colour, bool centred = false)
    {
        var font = Font(size);
        var lineHeight = size * 1.5f;
        foreach (var line in Wrap(text, font, Width))
        {
            if (y + lineHeight > Bottom)
            {
                NewPage(page.Width > page.Height);
            }

            var (x, baseline) = (centred ? page.Width / 2 : Margin, y + size);
            page.Drawing.Add(c =>
            {
                using var ink = Paint(colour);
                c.DrawText(line, x, baseline, centred ? SKTextAlign.Center : SKTextAlign.Left, font, ink);
            });
            y += lineHeight;
        }

        y += size * 0.4f;
    }

    private void Chart(ReportChart chart)
    {
        const float height = 225;
        if (y + height > Bottom)
        {
            NewPage(landscape: false);
        }

        var (x, top, width) = (Margin, y, Width);
        page.Drawing.Add(c =>
        {
            c.Save();
            c.Translate(x, top);
            ReportCharts.Draw(chart, typeface, c, width, height);
            c.Restore();
        });
        y += height + 12;
    }

    private void Table(ReportTable table)
    {
        var sheet = table.Sheet;
        var (texts, numeric, (size, widths, landscape)) = (Texts(sheet), Numeric(sheet), Fitted(table));
        if (landscape && page.Width < page.Height)
        {
            NewPage(landscape: true);
        }
        else if (!landscape && page.Width > page.Height)
        {
            NewPage(landscape: false);
        }

        var font = Font(size);
        var lineHeight = size * 1.35f;
        string[][] Lines(IReadOnlyList<string> cells, SKFont f) => [.. cells.Select((t, c) => Wrap(t, f, widths[c] - (2 * CellPadding)).ToArray())];
        var header = Lines(sheet.Headers, font);
        var headerHeight = RowHeight(header, lineHeight);
        Row(header, headerHeight, font, numeric, widths, lineHeight, fill: true);
        foreach (var cells in texts)
        {
            var lines = Lines(cells, font);
            var height = RowHeight(lines, lineHeight);
            if (y + height > Bottom)
            {
                // The header row is repeated at the top of every page the table runs onto.
                NewPage(landscape);
                Row(header, headerHeight, font, numeric, widths, lineHeight, fill: true);
            }

            Row(lines, height, font, numeric, widths, lineHeight, fill: false);
        }

        y += 12;
    }

    private static float RowHeight(string[][] lines, float lineHeight) => (Math.Max(1, lines.Max(l => l.Length)) * lineHeight) + (2 * CellPadding);

    private void Row(string[][] lines, float height, SKFont font, bool[] numeric, float[] widths, float lineHeight, bool fill)
    {
        var (top, left) = (y, Margin);
        page.Drawing.Add(c =>
        {
            var x = left;
            using var rule = new SKPaint { Color = Rule, Style = SKPaintStyle.Stroke, StrokeWidth = 0.5f, IsAntialias = true };
            using var background = new SKPaint { Color = HeaderFill, Style = SKPaintStyle.Fill };
            using var ink = Paint(Ink);
            for (var col = 0; col < widths.Length; col++)
            {
                var cell = SKRect.Create(x, top, widths[col], height);
                if (fill)
                {
                    c.DrawRect(cell, background);
                }

                c.DrawRect(cell, rule);
                for (var l = 0; l < lines[col].Length; l++)
                {
                    var baseline = top + CellPadding + (l * lineHeight) + font.Size;
                    if (numeric[col] && !fill)
                    {
                        c.DrawText(lines[col][l], x + widths[col] - CellPadding, baseline, SKTextAlign.Right, font, ink);
                    }
                    else
                    {
                        c.DrawText(lines[col][l], x + CellPadding, baseline, SKTextAlign.Left, font, ink);
                    }
                }

                x += widths[col];
            }
        });
        y += height;
    }

    /// <summary>
    /// The table's font size, column widths and orientation: each column as wide as its longest line, the widest
    /// columns narrowed (wrapping) down to their longest unbreakable word when the sum is too wide, then a smaller
    /// font, then a landscape page.
    /// </summary>
    private (float Size, float[] Widths, bool Landscape) Fit(IReadOnlyList<string> headers, List<string[]> rows, bool[] numeric)
    {
        foreach (var landscape in new[] { false, true })
        {
            var available = (landscape ? A4Long : A4Short) - (2 * Margin);
            for (var size = TableFontSize; size >= SmallestTableFont; size -= 0.5f)
            {
                var font = Font(size);
                var natural = new float[headers.Count];
                var least = new float[headers.Count];
                for (var c = 0; c < headers.Count; c++)
                {
                    var column = rows.Select(r => r[c]).Prepend(headers[c]).ToList();
                    natural[c] = Math.Min(180, column.Max(t => font.MeasureText(t))) + (2 * CellPadding);
                    least[c] = column.SelectMany(Units).Select(u => font.MeasureText(u)).DefaultIfEmpty(0).Max() + (2 * CellPadding);
                    // A text column is never narrower than a few characters: one character a line is unreadable.
                    least[c] = numeric[c] ? least[c] : Math.Min(natural[c], Math.Max(least[c], (MinimumTextCharacters * size) + (2 * CellPadding)));
                    natural[c] = Math.Max(natural[c], least[c]);
                }

                if (least.Sum() > available)
                {
                    continue;
                }

                var widths = (float[])natural.Clone();
                var excess = widths.Sum() - available;
                var slack = widths.Select((w, c) => w - least[c]).Sum();
                if (excess > 0)
                {
                    for (var c = 0; c < widths.Length; c++)
                    {
                        widths[c] -= (natural[c] - least[c]) * excess / slack;
                    }
                }

                return (size, widths, landscape);
            }
        }

        var last = headers.Count == 0 ? [] : Enumerable.Repeat((A4Long - (2 * Margin)) / headers.Count, headers.Count).ToArray();
        return (SmallestTableFont, last, true);
    }

    /// <summary>The font at a size, made once per layout: the pages' drawing uses them until the document is written.</summary>
    private SKFont Font(float size)
    {
        // Never emboldened: Skia draws a synthetic bold as outlines, which no reader can extract or search (and the
        // file grows tenfold); emphasis is by size and colour.
        if (!fontsBySize.TryGetValue(size, out var font))
        {
            font = new SKFont(typeface, size) { Subpixel = true };
            fontsBySize[size] = font;
        }

        return font;
    }

    public void Dispose()
    {
        foreach (var font in fontsBySize.Values)
        {
            font.Dispose();
        }
    }

    private static SKPaint Paint(SKColor color) => new() { Color = color, IsAntialias = true };

    /// <summary>The pieces a line may break between: each Chinese character, each run of other letters, each space.</summary>
    private static IEnumerable<string> Units(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var breaksAround = char.IsWhiteSpace(text[i]) || IsWide(text[i]);
            if (breaksAround)
            {
                if (i > start)
                {
                    yield return text[start..i];
                }

                yield return text[i].ToString();
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private static bool IsWide(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF' or >= '\u3000' and <= '\u303F';

    internal static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var unit in Units(text))
        {
            if (line.Length > 0 && font.MeasureText(line + unit) > width)
            {
                lines.Add(line.TrimEnd());
                line = char.IsWhiteSpace(unit[0]) ? "" : unit;
            }
            else
            {
                line += unit;
            }
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line.TrimEnd());
        }

        return lines;
    }
}
