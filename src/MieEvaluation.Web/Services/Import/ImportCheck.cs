using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Security;

namespace MieEvaluation.Web.Services.Import;

/// <summary>
/// Streams a value file and checks every row: on its own (<see cref="ValueFile"/>) and across rows — the evaluator's
/// expert groups, approved (locked) forms, and the same base, year and indicator twice. Hands the good values on in
/// chunks, so a file of any size is checked in bounded memory; the errors collect here, up to <see cref="MaxErrors"/>.
/// </summary>
internal sealed class ImportCheck
{
    /// <summary>Errors listed for one file; past this the file is plainly not ready, and checking stops.</summary>
    public const int MaxErrors = 1_000;

    private readonly EvaluatorScope _scope;
    private readonly ClaimsPrincipal _user;
    private readonly Messages _text;
    private readonly ValueFile _file;
    private readonly HashSet<(int BaseId, int Year)> _locked;
    private readonly Dictionary<int, IReadOnlySet<int>> _writable = [];

    // (base, year, indicator) packed in one long → the line it first appeared on. 24 bytes a value: 35 MB for the
    // 1.44 million values of the largest planned import.
    private readonly Dictionary<long, int> _seen = [];

    private ImportCheck(EvaluatorScope scope, ClaimsPrincipal user, Messages text, ValueFile file, HashSet<(int, int)> locked)
    {
        _scope = scope;
        _user = user;
        _text = text;
        _file = file;
        _locked = locked;
    }

    public List<RowError> Errors { get; } = [];

    public bool HasErrors => Errors.Count > 0;

    public static async Task<ImportCheck> StartAsync(MieDbContext db, EvaluatorScope scope, ClaimsPrincipal user, int lastYear, Messages text,
        CancellationToken cancellationToken)
    {
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.IsActive).ToDictionaryAsync(i => i.Code, cancellationToken);
        var bases = await db.Bases.AsNoTracking().ToDictionaryAsync(b => b.Code, b => (b.Id, b.BatchYear, b.IsActive), cancellationToken);
        var locked = (await db.Submissions.AsNoTracking().Where(s => s.Status == SubmissionStatus.Approved)
            .Select(s => new { s.BaseId, s.Year }).ToListAsync(cancellationToken)).Select(s => (s.BaseId, s.Year)).ToHashSet();
        return new ImportCheck(scope, user, text, new ValueFile(indicators, bases, lastYear, text), locked);
    }

    /// <summary>The file's good values in chunks of at most <paramref name="size"/>; errors go to <see cref="Errors"/>.</summary>
    public async IAsyncEnumerable<List<ImportedValue>> ChunksAsync(string path, int size, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var encoding = CsvRows.DetectEncoding(path);
        if (encoding is null)
        {
            Errors.Add(new RowError(0, _text("Import.BadEncoding")));
            yield break;
        }

        var isReviewer = _user.IsInRole(Roles.Reviewer);
        var chunk = new List<ImportedValue>(size);
        foreach (var (value, error) in _file.Read(CsvRows.Read(path, encoding)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Errors.Count >= MaxErrors)
            {
                Errors.Add(new RowError(0, _text("Import.TooManyErrors", MaxErrors)));
                yield break;
            }

            if (error is not null)
            {
                Errors.Add(error);
                continue;
            }

            var v = value!;
            if (!isReviewer && !(await WritableAsync(v.Year, cancellationToken)).Contains(v.BaseId))
            {
                Errors.Add(new RowError(v.Line, _text("Import.NotYourBase", v.Year)));
            }
            else if (_locked.Contains((v.BaseId, v.Year)))
            {
                Errors.Add(new RowError(v.Line, _text("Import.Locked", v.Year)));
            }
            else if (!_seen.TryAdd(Key(v), v.Line))
            {
                Errors.Add(new RowError(v.Line, _text("Import.Duplicate", _seen[Key(v)])));
            }
            else if (!HasErrors)
            {
                // Once a row is wrong nothing will be written, so the good values need not be kept.
                chunk.Add(v);
                if (chunk.Count == size)
                {
                    yield return chunk;
                    chunk = new List<ImportedValue>(size);
                }
            }
        }

        if (chunk.Count > 0 && !HasErrors)
        {
            yield return chunk;
        }
    }

    private static long Key(ImportedValue v) => ((long)v.BaseId << 32) | ((long)(v.Year & 0xFFFF) << 16) | (uint)(v.Indicator.Id & 0xFFFF);

    private async Task<IReadOnlySet<int>> WritableAsync(int year, CancellationToken cancellationToken)
    {
        if (!_writable.TryGetValue(year, out var allowed))
        {
            _writable[year] = allowed = await _scope.WritableBaseIdsAsync(_user, year, cancellationToken);
        }

        return allowed;
    }
}
