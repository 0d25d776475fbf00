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

    // The indicators already read per form (base, year), as bits: 24 bytes a form instead of 24 bytes a value
    // (3 MB rather than 35 MB for 1.44 million values). Indicator ids from 64 up, which the registry does not have
    // today, fall back to a set of (form, indicator). The line a duplicate first appeared on is looked up afterwards.
    private readonly Dictionary<long, ulong> _seenByForm = [];
    private readonly HashSet<(long Form, int Indicator)> _seenWide = [];
    private readonly List<(int Error, long Form, int Indicator)> _duplicates = [];

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
        var (rows, problem) = TabularFile.Open(path);
        if (rows is null)
        {
            Errors.Add(new RowError(problem!.Line, _text(problem.Key, problem.Line, problem.Limit)));
            yield break;
        }

        var isReviewer = _user.IsInRole(Roles.Reviewer);
        var chunk = new List<ImportedValue>(size);
        foreach (var (value, error) in _file.Read(rows()))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Errors.Count >= MaxErrors)
            {
                Errors.Add(new RowError(0, _text("Import.TooManyErrors", MaxErrors)));
                DescribeDuplicates(rows);
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
            else if (!FirstTime(v))
            {
                _duplicates.Add((Errors.Count, Form(v), v.Indicator.Id));
                Errors.Add(new RowError(v.Line, "")); // its text, with the first line, comes after the pass
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

        DescribeDuplicates(rows);
    }

    private bool FirstTime(ImportedValue v)
    {
        var form = Form(v);
        if (v.Indicator.Id is < 0 or >= 64)
        {
            return _seenWide.Add((form, v.Indicator.Id));
        }

        var bit = 1UL << v.Indicator.Id;
        ref var seen = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_seenByForm, form, out _);
        var first = (seen & bit) == 0;
        seen |= bit;
        return first;
    }

    /// <summary>Reads the file once more, only when it has duplicates, to name the line each first appeared on.</summary>
    private void DescribeDuplicates(Func<IEnumerable<CsvRow>> rows)
    {
        if (_duplicates.Count == 0)
        {
            return;
        }

        var wanted = _duplicates.Select(d => (d.Form, d.Indicator)).ToHashSet();
        var firstLine = new Dictionary<(long, int), int>();
        foreach (var (value, _) in _file.Read(rows()))
        {
            if (value is not null && wanted.Contains((Form(value), value.Indicator.Id)))
            {
                firstLine.TryAdd((Form(value), value.Indicator.Id), value.Line);
            }
        }

        foreach (var (error, form, indicator) in _duplicates)
        {
            Errors[error] = Errors[error] with { Message = _text("Import.Duplicate", firstLine[(form, indicator)]) };
        }
    }

    private static long Form(ImportedValue v) => ((long)v.BaseId << 32) | (uint)v.Year;

    private async Task<IReadOnlySet<int>> WritableAsync(int year, CancellationToken cancellationToken)
    {
        if (!_writable.TryGetValue(year, out var allowed))
        {
            _writable[year] = allowed = await _scope.WritableBaseIdsAsync(_user, year, cancellationToken);
        }

        return allowed;
    }
}
