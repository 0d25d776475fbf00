using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Services.Import;

/// <summary>
/// Uploads between their preview and their confirmation, in the database (<see cref="PendingUpload"/>): under a random
/// token bound to the user who uploaded it, expiring, at most <see cref="ImportOptions.MaxPendingPerUser"/> per user.
/// Any instance can confirm what another previewed. While a request reads a file it has a <see cref="ScratchFile"/>, a
/// temporary copy that lives only as long as that request.
/// </summary>
public sealed class UploadStore(MieDbContext db, ImportOptions options, TimeProvider clock)
{
    /// <summary>
    /// Copies a request body to a scratch file; null when it exceeds <paramref name="maxBytes"/>. Nothing is left behind
    /// when the body is too long or the client breaks off (Kestrel's own 413 included).
    /// </summary>
    public static async Task<ScratchFile?> ReceiveAsync(Stream upload, long maxBytes, CancellationToken cancellationToken)
    {
        var scratch = ScratchFile.Create();
        try
        {
            var copied = 0L;
            await using (var file = File.Create(scratch.Path))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await upload.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    copied += read;
                    if (copied > maxBytes)
                    {
                        break;
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            if (copied <= maxBytes)
            {
                return scratch;
            }
        }
        catch
        {
            await scratch.DisposeAsync();
            throw;
        }

        await scratch.DisposeAsync();
        return null;
    }

    /// <summary>Keeps a previewed file for its confirmation; the user's oldest pending uploads beyond the cap are dropped.</summary>
    public async Task<string> KeepAsync(ScratchFile file, string userId, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var now = clock.GetUtcNow().UtcDateTime;
        await RemoveExpiredAsync(cancellationToken);
        var older = await db.PendingUploads.Where(u => u.UserId == userId).OrderByDescending(u => u.CreatedAtUtc)
            .Skip(options.MaxPendingPerUser - 1).Select(u => u.Token).ToListAsync(cancellationToken);
        await db.PendingUploads.Where(u => older.Contains(u.Token)).ExecuteDeleteAsync(cancellationToken);

        var upload = new PendingUpload
        {
            Token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
            UserId = userId,
            Content = await File.ReadAllBytesAsync(file.Path, cancellationToken),
            Note = note,
            CreatedAtUtc = now,
            ExpiresAtUtc = now + options.PendingLifetime,
        };
        db.PendingUploads.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(upload).State = EntityState.Detached;
        return upload.Token;
    }

    /// <summary>The user's unexpired upload of that token as a scratch file, with its note; null when there is none.</summary>
    public async Task<(ScratchFile File, string? Note)?> TakeOutAsync(string? token, string userId, CancellationToken cancellationToken)
    {
        if (token is not { Length: 32 } || !token.All(Uri.IsHexDigit))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var upload = await db.PendingUploads.AsNoTracking()
            .SingleOrDefaultAsync(u => u.Token == token && u.UserId == userId && u.ExpiresAtUtc > now, cancellationToken);
        if (upload is null)
        {
            return null;
        }

        var scratch = ScratchFile.Create();
        await File.WriteAllBytesAsync(scratch.Path, upload.Content, cancellationToken);
        return (scratch, upload.Note);
    }

    public Task DeleteAsync(string token, string userId, CancellationToken cancellationToken) =>
        db.PendingUploads.Where(u => u.Token == token && u.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Removes every expired upload, whoever it belongs to; safe on several instances at once.</summary>
    public Task<int> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.PendingUploads.Where(u => u.ExpiresAtUtc <= now).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>A request's temporary copy of an upload in the system's temporary folder, deleted when disposed.</summary>
public sealed class ScratchFile : IAsyncDisposable
{
    private ScratchFile(string path) => Path = path;

    public string Path { get; }

    public static ScratchFile Create() =>
        new(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"mie-upload-{Convert.ToHexString(RandomNumberGenerator.GetBytes(12))}"));

    public ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}
