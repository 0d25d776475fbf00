using System.IO.Compression;

namespace MieEvaluation.Domain.Review;

/// <summary>What an evidence file is attached to.</summary>
public enum EvidenceOwner
{
    SelfEvaluation,
    SiteVisit,
}

/// <summary>The kinds of evidence accepted, told from the file's bytes.</summary>
public enum EvidenceKind
{
    Pdf,
    Docx,
    Png,
    Jpeg,
}

/// <summary>
/// An evidence file, stored in the database with what its bytes are (never what its name says), and always served
/// as a download.
/// </summary>
public class Evidence
{
    public long Id { get; set; }

    public EvidenceOwner Owner { get; set; }

    public int OwnerId { get; set; }

    public required string FileName { get; set; }

    public EvidenceKind Kind { get; set; }

    public long Length { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>SHA-256 of the content, hex: the same file twice is refused.</summary>
    public required string Sha256 { get; set; }

    public DateTime UploadedAtUtc { get; set; }

    public string UploadedBy { get; set; } = "";
}

/// <summary>The limits and the content check of evidence files (docs/evaluation.md, "Evidence").</summary>
public static class EvidenceFiles
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public const int MaxPerOwner = 10;

    public const int FileNameLength = 200;

    public static string ContentType(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Pdf => "application/pdf",
        EvidenceKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        EvidenceKind.Png => "image/png",
        _ => "image/jpeg",
    };

    public static string Extension(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Pdf => ".pdf",
        EvidenceKind.Docx => ".docx",
        EvidenceKind.Png => ".png",
        _ => ".jpg",
    };

    /// <summary>
    /// What the bytes are: a PDF, PNG or JPEG by their signature; a Word document when the file is a ZIP package
    /// holding <c>word/document.xml</c> (an Excel or any other ZIP has the signature too). Null for anything else.
    /// </summary>
    public static EvidenceKind? Detect(byte[] content)
    {
        ReadOnlySpan<byte> bytes = content;
        if (bytes.StartsWith("%PDF-"u8))
        {
            return EvidenceKind.Pdf;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return EvidenceKind.Png;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return EvidenceKind.Jpeg;
        }

        return bytes.StartsWith("PK\u0003\u0004"u8) && IsWordPackage(content) ? EvidenceKind.Docx : null;
    }

    /// <summary>The name kept for download: the path dropped, control characters removed, the extension the bytes' kind.</summary>
    public static string SafeName(string? uploaded, EvidenceKind kind)
    {
        var name = Path.GetFileNameWithoutExtension((uploaded ?? "").Replace('\\', '/').Split('/')[^1]);
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'))]).Trim();
        if (name.Length == 0)
        {
            name = "evidence";
        }

        var extension = Extension(kind);
        return (name.Length + extension.Length > FileNameLength ? name[..(FileNameLength - extension.Length)] : name) + extension;
    }

    private static bool IsWordPackage(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null && zip.GetEntry("[Content_Types].xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
