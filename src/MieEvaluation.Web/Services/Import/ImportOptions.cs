namespace MieEvaluation.Web.Services.Import;

/// <summary>The <c>Import</c> section.</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>Uploads above this size are refused before parsing (default 20 MB).</summary>
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Where uploads wait between preview and confirmation; relative to the app's folder unless absolute.</summary>
    public string UploadFolder { get; set; } = "data/uploads";

    /// <summary>Warnings are computed for files with at most this many values; larger files say so in the preview.</summary>
    public int MaxValuesWithWarnings { get; set; } = 50_000;
}
