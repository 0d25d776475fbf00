using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MieEvaluation.IntegrationTests.Infrastructure;

/// <summary>
/// The independent readers of the generated documents (Debian packages installed by tests/test.sh): poppler's
/// pdftotext, pdfinfo, pdffonts and pdfimages, and LibreOffice headless converting Word and Excel files the way an
/// office that does not use Microsoft Office opens them.
/// </summary>
internal static partial class DocumentReaders
{
    /// <summary>The text of the PDF (or of its pages <paramref name="first"/>–<paramref name="last"/>), laid out as on the page.</summary>
    public static Task<string> PdfTextAsync(string file, int? first = null, int? last = null) =>
        RunAsync("/usr/bin/pdftotext", ["-layout", .. first is { } f ? new[] { "-f", $"{f}", "-l", $"{last ?? f}" } : [], file, "-"]);

    /// <summary>pdfinfo's fields (Title, Pages, Page size…).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> PdfInfoAsync(string file, int? page = null) =>
        (await RunAsync("/usr/bin/pdfinfo", [.. page is { } p ? new[] { "-f", $"{p}", "-l", $"{p}" } : [], file]))
            .Split('\n').Where(l => l.Contains(':', StringComparison.Ordinal))
            .Select(l => (Key: l[..l.IndexOf(':', StringComparison.Ordinal)].Trim(), Value: l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
            .GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.First().Value);

    /// <summary>The fonts the PDF uses: name, type and whether each is embedded.</summary>
    public static async Task<IReadOnlyList<(string Name, string Type, bool Embedded)>> PdfFontsAsync(string file) =>
        [.. (await RunAsync("/usr/bin/pdffonts", [file])).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).Select(l =>
        {
            var match = FontLine().Match(l);
            Assert.True(match.Success, $"pdffonts line not understood: {l}");
            return (match.Groups["name"].Value, match.Groups["type"].Value.Trim(), match.Groups["emb"].Value == "yes");
        })];

    /// <summary>How many raster images the PDF holds (pdfimages -list; an image's transparency mask is not counted).</summary>
    public static async Task<int> PdfImageCountAsync(string file) =>
        (await RunAsync("/usr/bin/pdfimages", ["-list", file])).Split('\n').Skip(2)
            .Count(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, _, "image", ..]);

    /// <summary>
    /// Converts <paramref name="file"/> with LibreOffice headless to <paramref name="format"/> (e.g. <c>pdf</c>, or a CSV
    /// filter) into a fresh directory, with a profile of its own (two instances cannot share one); returns the files made.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ConvertWithLibreOfficeAsync(string file, string format)
    {
        const string office = "/usr/bin/soffice";
        Assert.True(File.Exists(office), $"{office} is missing: run the tests with tests/test.sh, which installs libreoffice-writer-nogui and libreoffice-calc-nogui.");
        var output = Directory.CreateTempSubdirectory("mie-office-").FullName;
        var profile = Directory.CreateTempSubdirectory("mie-office-profile-").FullName;
        await RunAsync(office, [$"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", format, "--outdir", output, file]);
        var made = Directory.GetFiles(output);
        Assert.True(made.Length > 0, $"LibreOffice made nothing from {file} as {format}");
        return made;
    }

    private static async Task<string> RunAsync(string program, IEnumerable<string> arguments)
    {
        Assert.True(File.Exists(program), $"{program} is missing: run the tests with tests/test.sh, which installs poppler-utils.");
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} exited {process.ExitCode}:\n{await errors}\n{await output}");
        return await output;
    }

    // name, then type (one or two words), encoding, emb, sub, uni, object id
    [GeneratedRegex(@"^(?<name>\S+)\s+(?<type>.+?)\s+(?<enc>\S+)\s+(?<emb>yes|no)\s+(?<sub>yes|no)\s+(?<uni>yes|no)\s+\d+\s+\d+\s*$")]
    private static partial Regex FontLine();
}
