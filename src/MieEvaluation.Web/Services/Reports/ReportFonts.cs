using SkiaSharp;

namespace MieEvaluation.Web.Services.Reports;

/// <summary>
/// The Chinese font the PDF and the charts are drawn with. A PDF embeds it cut down to the characters the document
/// uses (<see cref="FontSubset"/>), so Chinese renders on a reader's machine without Chinese fonts and the file stays
/// small. Read from <c>Reports:FontPath</c>, else from the first Debian CJK font installed (the README's commands
/// install fonts-wqy-microhei). Without one, the PDF and Word reports are refused with a message that says what to
/// install; the workbook needs no font.
/// </summary>
public sealed partial class ReportFonts : IDisposable
{
    private static readonly string[] DebianFonts =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    ];

    /// <summary>Characters a chart may draw that no report text names: ASCII (ticks, exponents) and common punctuation.</summary>
    private static readonly int[] AlwaysIncluded =
        [.. Enumerable.Range(0x20, 0x5F), .. "−–—·×÷≥≤%‰，。、：；（）【】“”‘’《》…".EnumerateRunes().Select(r => r.Value)];

    private readonly Lazy<SKTypeface?> whole;
    private readonly ILogger<ReportFonts> logger;

    public ReportFonts(IConfiguration configuration, ILogger<ReportFonts> logger)
    {
        this.logger = logger;
        var configured = configuration["Reports:FontPath"];
        Path = string.IsNullOrWhiteSpace(configured) ? DebianFonts.FirstOrDefault(File.Exists) : configured;
        whole = new Lazy<SKTypeface?>(() =>
        {
            var typeface = Path is not null && File.Exists(Path) ? SKTypeface.FromFile(Path) : null;
            if (typeface is not null)
            {
                ReportCharts.RegisterTicks(() => Subset(AlwaysIncluded) ?? typeface);
            }

            return typeface;
        });
    }

    /// <summary>The font file in use, or null when none was found.</summary>
    public string? Path { get; }

    /// <summary>The whole typeface (for pictures, where nothing is embedded), or null when the font file is missing or unreadable.</summary>
    public SKTypeface? Whole => whole.Value;

    /// <summary>
    /// The typeface reduced to the characters of <paramref name="texts"/> (and <see cref="AlwaysIncluded"/>), for a PDF
    /// to embed; the whole typeface when it cannot be cut; null without a font. The caller disposes a subset.
    /// </summary>
    public SKTypeface? For(IEnumerable<string> texts)
    {
        if (Whole is not { } typeface)
        {
            return null;
        }

        var codePoints = new HashSet<int>(AlwaysIncluded);
        foreach (var text in texts)
        {
            codePoints.UnionWith(text.EnumerateRunes().Select(r => r.Value));
        }

        return Subset(codePoints) ?? typeface;
    }

    private SKTypeface? Subset(IEnumerable<int> codePoints)
    {
        try
        {
            if (FontSubset.Make(Path!, 0, codePoints) is { } bytes)
            {
                using var data = SKData.CreateCopy(bytes);
                return SKTypeface.FromData(data);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            SubsetterMissing(logger, e);
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The font subsetter (libHarfBuzzSharp) is unavailable; PDFs embed the whole font")]
    private static partial void SubsetterMissing(ILogger logger, Exception exception);

    public void Dispose()
    {
        if (whole.IsValueCreated)
        {
            whole.Value?.Dispose();
        }
    }
}
