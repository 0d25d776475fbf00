using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Scoring;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Services.Evaluation;

/// <summary>A scheme's results for a year as computed now, with the bases they are about and the year's publication.</summary>
public sealed record Evaluation(
    StoredScheme Scheme,
    SchemeResults Results,
    IReadOnlyList<EvaluatedBase> Bases,
    long DataVersion,
    ResultPublication? Publication,
    IReadOnlyList<PublishedChange> ChangesSincePublication)
{
    private readonly Lazy<Dictionary<string, EvaluatedBase>> _byCode = new(() => Bases.ToDictionary(b => b.Code, StringComparer.Ordinal));

    public EvaluatedBase BaseOf(BaseResult result) => _byCode.Value[result.Code];
}

/// <summary>A base whose published total, rank or grade differs from what the data give now.</summary>
public sealed record PublishedChange(string BaseCode, double? PublishedTotal, double? CurrentTotal, int? PublishedRank, int? CurrentRank,
    string? PublishedGrade, string? CurrentGrade);

public enum PublicationChange
{
    Done,
    NotFound,
    AlreadyPublished,
    NotPublished,
    ReasonRequired,
}

/// <summary>
/// Results, robustness and publication of a scheme's results for a data year (docs/evaluation.md). Results are
/// computed from the approved values each time they are asked for; a publication freezes them, and what the data give
/// later is compared with what was published, never put in its place.
/// </summary>
public sealed class EvaluationResults(MieDbContext db, SchemeStore schemes, ScoringData data, TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    /// <summary>The results now (of <paramref name="version"/>, or the latest), or null when there is no such scheme.</summary>
    public async Task<Evaluation?> ComputeAsync(string code, int year, int? version = null, CancellationToken cancellationToken = default)
    {
        var publication = await PublicationAsync(code, year, cancellationToken);
        var stored = await schemes.FindAsync(code, version ?? publication?.SchemeVersion, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var dataVersion = await Figures.FigureCache.VersionAsync(db, cancellationToken);
        var bases = await data.LoadAsync(stored.Scheme, year, cancellationToken);
        var results = CompositeScoring.Compute(stored.Scheme, [.. bases.Select(b => b.Scoring)], year);
        var changes = publication is null || publication.SchemeVersion != stored.Version.Version
            ? []
            : Changes(ResultsDocument.Deserialize(publication.ResultsJson)!, results);
        return new Evaluation(stored, results, bases, dataVersion, publication, changes);
    }

    public async Task<(StoredScheme Scheme, RobustnessResults Results)?> RobustnessAsync(string code, int year, RobustnessOptions options,
        CancellationToken cancellationToken = default)
    {
        var stored = await schemes.FindAsync(code, null, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var bases = await data.LoadAsync(stored.Scheme, year, cancellationToken);
        return (stored, RobustnessAnalysis.Run(stored.Scheme, [.. bases.Select(b => b.Scoring)], year, options));
    }

    /// <summary>The year's publication in force (not withdrawn), if any.</summary>
    public Task<ResultPublication?> PublicationAsync(string code, int year, CancellationToken cancellationToken = default) =>
        db.ResultPublications.AsNoTracking()
            .Where(p => p.SchemeCode == code && p.DataYear == year && p.WithdrawnAtUtc == null)
            .OrderByDescending(p => p.PublishedAtUtc).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Every publication of the scheme (of all schemes when null), withdrawn ones included, newest first: the audit trail.</summary>
    public async Task<IReadOnlyList<ResultPublication>> HistoryAsync(string? code, CancellationToken cancellationToken = default) =>
        await db.ResultPublications.AsNoTracking().Where(p => code == null || p.SchemeCode == code)
            .OrderByDescending(p => p.PublishedAtUtc).ToListAsync(cancellationToken);

    /// <summary>Freezes the results of the latest version as they are now. One publication per scheme and year is in force.</summary>
    public async Task<PublicationChange> PublishAsync(string code, int year, string by, CancellationToken cancellationToken = default)
    {
        if (await PublicationAsync(code, year, cancellationToken) is not null)
        {
            return PublicationChange.AlreadyPublished;
        }

        var evaluation = await ComputeAsync(code, year, null, cancellationToken);
        if (evaluation is null)
        {
            return PublicationChange.NotFound;
        }

        db.ResultPublications.Add(new ResultPublication
        {
            SchemeCode = code, SchemeVersion = evaluation.Scheme.Version.Version, DataYear = year, DataVersion = evaluation.DataVersion,
            ResultsJson = ResultsDocument.From(evaluation.Scheme.Version, evaluation.Results, evaluation.DataVersion).Serialize(),
            PublishedAtUtc = clock.GetUtcNow().UtcDateTime, PublishedBy = by,
        });
        await db.SaveChangesAsync(cancellationToken);
        return PublicationChange.Done;
    }

    /// <summary>Withdraws the publication in force, with a reason; the row stays for the record.</summary>
    public async Task<PublicationChange> WithdrawAsync(string code, int year, string? reason, string by, CancellationToken cancellationToken = default)
    {
        if (!await db.SchemeVersions.AnyAsync(s => s.Code == code, cancellationToken))
        {
            return PublicationChange.NotFound;
        }

        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > MaxReasonLength)
        {
            return PublicationChange.ReasonRequired;
        }

        var publication = await db.ResultPublications
            .Where(p => p.SchemeCode == code && p.DataYear == year && p.WithdrawnAtUtc == null).FirstOrDefaultAsync(cancellationToken);
        if (publication is null)
        {
            return PublicationChange.NotPublished;
        }

        publication.WithdrawnAtUtc = clock.GetUtcNow().UtcDateTime;
        publication.WithdrawnBy = by;
        publication.WithdrawalReason = trimmed;
        await db.SaveChangesAsync(cancellationToken);
        return PublicationChange.Done;
    }

    /// <summary>Bases whose total (beyond display precision), rank or grade differ between the publication and now.</summary>
    private static List<PublishedChange> Changes(ResultsDocument published, SchemeResults current)
    {
        var now = current.Bases.ToDictionary(b => b.Code);
        var changes = new List<PublishedChange>();
        foreach (var code in published.Results.Select(r => r.BaseCode).Union(now.Keys).Order(StringComparer.Ordinal))
        {
            var then = published.Results.FirstOrDefault(r => r.BaseCode == code);
            var today = now.GetValueOrDefault(code);
            var differs = then?.Total is { } a && today?.Total is { } b ? Math.Abs(a - b) > 1e-9 : then?.Total != today?.Total;
            if (differs || then?.Rank != today?.Rank || then?.Grade != today?.Grade?.Code)
            {
                changes.Add(new PublishedChange(code, then?.Total, today?.Total, then?.Rank, today?.Rank, then?.Grade, today?.Grade?.Code));
            }
        }

        return changes;
    }
}
