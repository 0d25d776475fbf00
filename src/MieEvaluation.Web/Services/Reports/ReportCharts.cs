using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace MieEvaluation.Web.Services.Reports;

/// <summary>
/// Draws a report's line charts (docs/decisions/0024-report-documents.md): as vector paths on a PDF page, or as a
/// high-resolution PNG for Word. ScottPlot draws the plot itself — axes, grid, ticks, lines; the title, the unit and
/// the legend are drawn here in the document's font. (ScottPlot caches typefaces by name for the whole process, so it
/// can be given only one fixed font: the ticks', digits and Latin letters. The document's texts stay in the document's
/// own font subset, and a PDF embeds two small fonts rather than the whole Chinese font.) A year without a figure
/// leaves a gap in its line, never a point at 0.
/// </summary>
public static class ReportCharts
{
    private const string TickFamily = "MieReportTicks";
    private const float TitleSize = 11, SmallSize = 8, LegendRow = 14;

    private static readonly Color[] Palette =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#d62728"), Color.FromHex("#2ca02c"), Color.FromHex("#ff7f0e"), Color.FromHex("#9467bd"),
        Color.FromHex("#8c564b"),
    ];

    private static readonly Lock Registration = new();
    private static SKTypeface? tickTypeface;

    /// <summary>Gives ScottPlot the ticks' font, once per process (its font registry and cache are process-wide).</summary>
    public static void RegisterTicks(Func<SKTypeface> make)
    {
        lock (Registration)
        {
            if (tickTypeface is null)
            {
                tickTypeface = make();
                ScottPlot.Fonts.FontResolvers.Insert(0, new TickResolver());
            }
        }
    }

    /// <summary>Draws the chart into <paramref name="width"/> × <paramref name="height"/> at the canvas's origin, its texts in <paramref name="typeface"/>.</summary>
    public static void Draw(ReportChart chart, SKTypeface typeface, SKCanvas canvas, float width, float height)
    {
        using var title = new SKFont(typeface, TitleSize) { Subpixel = true }; // never emboldened: a synthetic bold is drawn as outlines
        using var small = new SKFont(typeface, SmallSize) { Subpixel = true };
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        canvas.DrawText(chart.Title, width / 2, TitleSize + 2, SKTextAlign.Center, title, ink);
        canvas.DrawText(chart.UnitLine, 4, TitleSize + 6 + SmallSize + 4, SKTextAlign.Left, small, ink);

        // The legend: one entry per series, in rows under the plot.
        var entries = chart.Series.Select((s, i) => (s.Label, Color: Palette[i % Palette.Length], Width: 22 + small.MeasureText(s.Label) + 14)).ToList();
        var rows = new List<List<(string Label, Color Color, float Width)>> { new() };
        foreach (var entry in entries)
        {
            if (rows[^1].Count > 0 && rows[^1].Sum(e => e.Width) + entry.Width > width)
            {
                rows.Add([]);
            }

            rows[^1].Add(entry);
        }

        var top = TitleSize + 6 + SmallSize + 8;
        var legendHeight = rows.Count * LegendRow;
        var plotHeight = height - top - legendHeight - 4;
        // ScottPlot clears the canvas it renders on: it draws into a picture of the plot's size, which is then placed
        // (and stays vector in a PDF).
        using (var recorder = new SKPictureRecorder())
        {
            var bounds = SKRect.Create(width, plotHeight);
            Plot(chart).Render(recorder.BeginRecording(bounds), (int)width, (int)plotHeight);
            using var picture = recorder.EndRecording();
            canvas.Save();
            canvas.Translate(0, top);
            canvas.ClipRect(bounds);
            canvas.DrawPicture(picture);
            canvas.Restore();
        }

        using var line = new SKPaint { StrokeWidth = 2, IsAntialias = true, Style = SKPaintStyle.Stroke };
        var y = top + plotHeight + 4;
        foreach (var row in rows)
        {
            var x = (width - row.Sum(e => e.Width)) / 2;
            foreach (var (label, color, entryWidth) in row)
            {
                line.Color = new SKColor(color.R, color.G, color.B);
                canvas.DrawLine(x, y + (LegendRow / 2), x + 18, y + (LegendRow / 2), line);
                canvas.DrawText(label, x + 22, y + (LegendRow / 2) + (SmallSize / 2.8f), SKTextAlign.Left, small, ink);
                x += entryWidth;
            }

            y += LegendRow;
        }
    }

    /// <summary>The chart as a PNG of <paramref name="width"/> × <paramref name="height"/> points at <paramref name="scale"/> pixels per point.</summary>
    public static byte[] Png(ReportChart chart, SKTypeface typeface, int width, int height, float scale)
    {
        using var surface = SKSurface.Create(new SKImageInfo((int)(width * scale), (int)(height * scale)));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(scale);
        Draw(chart, typeface, canvas, width, height);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static Plot Plot(ReportChart chart)
    {
        var plot = new Plot();
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var color = Palette[s % Palette.Length];
            // One scatter per run of consecutive years with figures: a missing year is a gap.
            foreach (var run in Runs(chart.Years, chart.Series[s].Values))
            {
                var line = plot.Add.Scatter(run.Select(p => (double)p.Year).ToArray(), run.Select(p => p.Value).ToArray(), color);
                line.LineWidth = 2;
                line.MarkerSize = 5;
            }
        }

        var years = chart.Years.Select(y => (double)y).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(years, [.. chart.Years.Select(y => y.ToString(CultureInfo.InvariantCulture))]);
        plot.Axes.SetLimitsX(years[0] - 0.3, years[^1] + 0.3);
        plot.Axes.Bottom.TickLabelStyle.FontName = TickFamily;
        plot.Axes.Left.TickLabelStyle.FontName = TickFamily;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 9;
        plot.Axes.Left.TickLabelStyle.FontSize = 9;
        return plot;
    }

    private static IEnumerable<List<(int Year, double Value)>> Runs(IReadOnlyList<int> years, IReadOnlyList<decimal?> values)
    {
        var run = new List<(int, double)>();
        for (var i = 0; i < years.Count; i++)
        {
            if (i < values.Count && values[i] is { } value)
            {
                run.Add((years[i], (double)value));
            }
            else if (run.Count > 0)
            {
                yield return run;
                run = [];
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private sealed class TickResolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) => fontName == TickFamily ? tickTypeface : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => fontName == TickFamily ? tickTypeface : null;
    }
}
