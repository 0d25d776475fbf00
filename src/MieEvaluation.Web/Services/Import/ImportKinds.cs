using System.Security.Claims;
using System.Text.Json;

namespace MieEvaluation.Web.Services.Import;

/// <summary>
/// One kind of CSV import — values or the registry — as the one import pipeline (upload → preview → confirm, on the
/// pages and through the API) runs it: how a stored upload is previewed and committed, and what the preview keeps for
/// its confirmation.
/// </summary>
public interface IImportKind
{
    /// <summary>Whether the user may approve the imported forms at once (reviewers importing values).</summary>
    bool CanApprove(ClaimsPrincipal user);

    Task<ImportAnalysis> PreviewAsync(string path, ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <remarks>
    /// <c>previewNote</c>: What the preview kept (<see cref="NoteOf"/>); null when committing without a preview (API).<br/>
    /// </remarks>
    Task<ImportAnalysis> CommitAsync(string path, string fileName, ClaimsPrincipal user, bool approve, string? previewNote, CancellationToken cancellationToken);

    /// <summary>What the confirmation must find unchanged, as text kept with the upload.</summary>
    string? NoteOf(ImportAnalysis preview);
}

/// <summary>Yearly values: the confirmation refuses any form changed since the preview (the note holds their versions).</summary>
public sealed class ValueImportKind(ValueImportService imports) : IImportKind
{
    private sealed record SeenForm(int BaseId, int Year, Guid? Version);

    public bool CanApprove(ClaimsPrincipal user) => ValueImportService.MayApprove(user);

    public Task<ImportAnalysis> PreviewAsync(string path, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        imports.AnalyseAsync(path, user, cancellationToken);

    public Task<ImportAnalysis> CommitAsync(string path, string fileName, ClaimsPrincipal user, bool approve, string? previewNote, CancellationToken cancellationToken)
    {
        var previewed = previewNote is null
            ? null
            : JsonSerializer.Deserialize<List<SeenForm>>(previewNote)!.ToDictionary(f => (f.BaseId, f.Year), f => f.Version);
        return imports.CommitAsync(path, fileName, user, approve, previewed, cancellationToken);
    }

    public string? NoteOf(ImportAnalysis preview) =>
        JsonSerializer.Serialize((preview.Seen ?? new Dictionary<(int, int), Guid?>()).Select(s => new SeenForm(s.Key.BaseId, s.Key.Year, s.Value)));
}

/// <summary>The base registry (administrators): the confirmation re-checks the file against the registry as it is then.</summary>
public sealed class RegistryImportKind(RegistryImportService registry) : IImportKind
{
    public bool CanApprove(ClaimsPrincipal user) => false;

    public Task<ImportAnalysis> PreviewAsync(string path, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        registry.AnalyseAsync(path, cancellationToken);

    public Task<ImportAnalysis> CommitAsync(string path, string fileName, ClaimsPrincipal user, bool approve, string? previewNote, CancellationToken cancellationToken) =>
        registry.CommitAsync(path, cancellationToken);

    public string? NoteOf(ImportAnalysis preview) => null;
}
