using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Scoring;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Services.Evaluation;

/// <summary>What saving a scheme did: a new version, nothing (the same as the latest), or the problems found.</summary>
public sealed record SchemeSave(SchemeVersion? Version, bool Unchanged, IReadOnlyList<SchemeProblem> Problems)
{
    public bool Saved => Version is not null;
}

/// <summary>A stored scheme version read back: the row and the scheme it holds.</summary>
public sealed record StoredScheme(SchemeVersion Version, EvaluationScheme Scheme);

/// <summary>
/// The evaluation schemes: each save that changes a scheme adds a version (never edits one), so a published result
/// can always show the scheme it used. Every save, from the editor or the API, is checked here.
/// </summary>
public sealed class SchemeStore(MieDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Schemes read from their stored JSON, keyed by the JSON itself: exact whatever the database (a version's JSON never
    /// changes, a new one is a new key), and hashing a few kilobytes costs less than reading them again.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, EvaluationScheme> Parsed = new(StringComparer.Ordinal);

    /// <summary>Reads and checks the JSON; when it is a valid scheme that differs from the latest version, saves it as the next.</summary>
    public async Task<SchemeSave> SaveAsync(string json, string savedBy, bool illustration = false, CancellationToken cancellationToken = default)
    {
        var (scheme, problems) = SchemeJson.Read(json);
        if (scheme is null)
        {
            return new SchemeSave(null, false, problems);
        }

        var indicators = (await db.Indicators.AsNoTracking().Where(i => i.IsActive).Select(i => i.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        problems = SchemeRules.Check(scheme, indicators);
        if (problems.Count > 0)
        {
            return new SchemeSave(null, false, problems);
        }

        var canonical = SchemeJson.Write(scheme);
        for (var attempt = 0; ; attempt++)
        {
            var latest = await LatestRowAsync(scheme.Code, cancellationToken);
            if (latest?.Json == canonical)
            {
                return new SchemeSave(latest, true, []);
            }

            var version = new SchemeVersion
            {
                Code = scheme.Code, Version = (latest?.Version ?? 0) + 1, NameZh = scheme.NameZh, NameEn = scheme.NameEn, Json = canonical,
                SavedAtUtc = clock.GetUtcNow().UtcDateTime, SavedBy = savedBy, IsIllustration = illustration,
            };
            db.SchemeVersions.Add(version);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new SchemeSave(version, false, []);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Someone saved version n + 1 of this scheme at the same moment (unique code and version): number again.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The latest version of every scheme, by code.</summary>
    public async Task<IReadOnlyList<SchemeVersion>> LatestAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.SchemeVersions.AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.Code).Select(g => g.MaxBy(r => r.Version)!).OrderBy(r => r.Code, StringComparer.Ordinal)];
    }

    /// <summary>Every version of one scheme, newest first.</summary>
    public async Task<IReadOnlyList<SchemeVersion>> VersionsAsync(string code, CancellationToken cancellationToken = default) =>
        await db.SchemeVersions.AsNoTracking().Where(s => s.Code == code).OrderByDescending(s => s.Version).ToListAsync(cancellationToken);

    /// <summary>One version (the latest when <paramref name="version"/> is null); null when there is none.</summary>
    public async Task<StoredScheme?> FindAsync(string code, int? version = null, CancellationToken cancellationToken = default)
    {
        var row = version is { } v
            ? await db.SchemeVersions.AsNoTracking().SingleOrDefaultAsync(s => s.Code == code && s.Version == v, cancellationToken)
            : await LatestRowAsync(code, cancellationToken);
        return row is null ? null : new StoredScheme(row, Parsed.GetOrAdd(row.Json, json => SchemeJson.Read(json).Scheme
            ?? throw new InvalidOperationException($"Stored scheme {code} v{row.Version} no longer reads.")));
    }

    private Task<SchemeVersion?> LatestRowAsync(string code, CancellationToken cancellationToken) =>
        db.SchemeVersions.AsNoTracking().Where(s => s.Code == code).OrderByDescending(s => s.Version).FirstOrDefaultAsync(cancellationToken);
}
