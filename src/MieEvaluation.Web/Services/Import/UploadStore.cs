using System.Security.Cryptography;

namespace MieEvaluation.Web.Services.Import;

/// <summary>
/// Keeps an uploaded file on disk between its preview and its confirmation, under a random token bound to the user who
/// uploaded it, so the confirmation imports exactly the file that was previewed and nobody else can confirm it.
/// </summary>
public sealed class UploadStore
{
    private readonly string _folder;

    public UploadStore(ImportOptions options, IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _folder = Path.GetFullPath(options.UploadFolder, environment.ContentRootPath);
    }

    /// <summary>Copies the upload to disk; null when it exceeds <paramref name="maxBytes"/> (nothing is kept then).</summary>
    public async Task<string?> SaveAsync(Stream upload, string userId, long maxBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var path = PathFor(token, userId);
        var copied = 0L;
        await using (var file = File.Create(path))
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

        if (copied > maxBytes)
        {
            File.Delete(path);
            return null;
        }

        return token;
    }

    /// <summary>The file of a token, if it exists and belongs to the user.</summary>
    public string? Find(string? token, string userId) =>
        token is { Length: 32 } && token.All(Uri.IsHexDigit) && File.Exists(PathFor(token, userId)) ? PathFor(token, userId) : null;

    /// <summary>Deletes the upload and its note.</summary>
    public void Delete(string token, string userId)
    {
        File.Delete(PathFor(token, userId));
        File.Delete(PathFor(token, userId) + ".note");
    }

    /// <summary>Keeps what the preview saw with the upload (the versions of the forms it would change), for the confirmation.</summary>
    public Task SaveNoteAsync(string token, string userId, string note, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(PathFor(token, userId) + ".note", note, cancellationToken);

    /// <summary>The note kept with an upload, or null.</summary>
    public string? ReadNote(string token, string userId) =>
        File.Exists(PathFor(token, userId) + ".note") ? File.ReadAllText(PathFor(token, userId) + ".note") : null;

    private string PathFor(string token, string userId) =>
        Path.Combine(_folder, $"{token}-{Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userId)))[..16]}.csv");
}
