using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Review;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Services.Review;

/// <summary>An evidence file as listed (its bytes stay in the database until downloaded).</summary>
public sealed record EvidenceEntry(long Id, string FileName, EvidenceKind Kind, long Length, DateTime UploadedAtUtc, string UploadedBy);

/// <summary>
/// The evidence files of self-evaluations and site visits, in the database (any instance serves them): each checked
/// by its bytes (<see cref="EvidenceFiles.Detect"/>), within the size and count limits, never the same file twice.
/// Who may add, remove or read is decided by the caller's authorization of the owner.
/// </summary>
public sealed class EvidenceStore(MieDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    public async Task<IReadOnlyList<EvidenceEntry>> ListAsync(EvidenceOwner owner, int ownerId, CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(owner, [ownerId], cancellationToken))[ownerId]];

    /// <summary>The files of several owners in one query, by owner.</summary>
    public async Task<ILookup<int, EvidenceEntry>> ListAsync(EvidenceOwner owner, IReadOnlyCollection<int> ownerIds, CancellationToken cancellationToken = default) =>
        (await db.Evidence.AsNoTracking().Where(e => e.Owner == owner && ownerIds.Contains(e.OwnerId)).OrderBy(e => e.Id)
            .Select(e => new { e.OwnerId, Entry = new EvidenceEntry(e.Id, e.FileName, e.Kind, e.Length, e.UploadedAtUtc, e.UploadedBy) }).ToListAsync(cancellationToken))
        .ToLookup(e => e.OwnerId, e => e.Entry);

    /// <summary>Adds the upload; the localised reason when it is refused (nothing written).</summary>
    public async Task<string?> AddAsync(EvidenceOwner owner, int ownerId, ReviewRound round, int baseId, string? fileName, Stream upload, string by,
        CancellationToken cancellationToken = default)
    {
        var content = await ReadAtMostAsync(upload, EvidenceFiles.MaxBytes, cancellationToken);
        if (content is null)
        {
            return localizer["Evidence.TooLarge", EvidenceFiles.MaxBytes / (1024 * 1024)];
        }

        if (content.Length == 0)
        {
            return localizer["Evidence.Empty"];
        }

        if (EvidenceFiles.Detect(content) is not { } kind)
        {
            return localizer["Evidence.WrongType", Path.GetFileName(fileName ?? "")];
        }

        if (await db.Evidence.CountAsync(e => e.Owner == owner && e.OwnerId == ownerId, cancellationToken) >= EvidenceFiles.MaxPerOwner)
        {
            return localizer["Evidence.TooMany", EvidenceFiles.MaxPerOwner];
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        if (await db.Evidence.AnyAsync(e => e.Owner == owner && e.OwnerId == ownerId && e.Sha256 == sha, cancellationToken))
        {
            return localizer["Evidence.Duplicate"];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var name = EvidenceFiles.SafeName(fileName, kind);
        db.Evidence.Add(new Evidence
        {
            Owner = owner, OwnerId = ownerId, FileName = name, Kind = kind, Length = content.Length, Content = content, Sha256 = sha, UploadedAtUtc = now, UploadedBy = by,
        });
        db.ReviewEvents.Add(new ReviewEvent { RoundId = round.Id, BaseId = baseId, Kind = ReviewEventKind.EvidenceAdded, Detail = name, AtUtc = now, By = by });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Removes the file, with its audit row; false when the owner has no such file.</summary>
    public async Task<bool> RemoveAsync(EvidenceOwner owner, int ownerId, ReviewRound round, int baseId, long id, string by, CancellationToken cancellationToken = default)
    {
        var file = await db.Evidence.SingleOrDefaultAsync(e => e.Id == id && e.Owner == owner && e.OwnerId == ownerId, cancellationToken);
        if (file is null)
        {
            return false;
        }

        db.Evidence.Remove(file);
        db.ReviewEvents.Add(new ReviewEvent
        {
            RoundId = round.Id, BaseId = baseId, Kind = ReviewEventKind.EvidenceRemoved, Detail = file.FileName, AtUtc = clock.GetUtcNow().UtcDateTime, By = by,
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<Evidence?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        await db.Evidence.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);

    /// <summary>The upload's bytes, or null when there are more than <paramref name="maxBytes"/> (read no further than that).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream upload, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
