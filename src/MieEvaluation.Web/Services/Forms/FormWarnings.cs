using Microsoft.EntityFrameworkCore;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Domain.Statistics;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Services.Forms;

/// <summary>
/// What the warnings of one base's form compare against: its own values of last year, and this year's values of the
/// bases of its type by indicator (shared by every form of that type) with the base's own stored values, which are
/// left out of its peers when checking. An explained gap (no number) compares as no value.
/// </summary>
public sealed record WarningContext(
    int BaseId,
    IReadOnlyDictionary<int, ReportedValue> PreviousYear,
    IReadOnlyDictionary<int, PeerDistribution> TypeValues,
    IReadOnlyDictionary<int, ReportedValue> OwnStored);

/// <summary>
/// All values of one year: each base's reported values and, per base type and indicator, the distribution of the
/// numbers. Held flat (one array of values sorted by base, an index of where each base starts) rather than as a
/// dictionary per base: a year of 12,000 bases then takes ~6 MB instead of ~12 MB while the import decides its forms.
/// </summary>
public sealed class YearValues
{
    private readonly Dictionary<int, (int Start, int Count)> _slices;
    private readonly (int IndicatorId, ReportedValue Value)[] _values;
    private readonly Dictionary<BaseType, IReadOnlyDictionary<int, PeerDistribution>> _byType;

    public YearValues(int year, List<(int BaseId, int IndicatorId, ReportedValue Value)> rows, Dictionary<BaseType, IReadOnlyDictionary<int, PeerDistribution>> byType)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Year = year;
        _byType = byType;
        rows.Sort((a, b) => a.BaseId != b.BaseId ? a.BaseId.CompareTo(b.BaseId) : a.IndicatorId.CompareTo(b.IndicatorId));
        _values = new (int, ReportedValue)[rows.Count];
        _slices = [];
        for (var i = 0; i < rows.Count; i++)
        {
            _values[i] = (rows[i].IndicatorId, rows[i].Value);
            var slice = _slices.TryGetValue(rows[i].BaseId, out var found) ? found : (Start: i, Count: 0);
            _slices[rows[i].BaseId] = (slice.Start, slice.Count + 1);
        }
    }

    public int Year { get; }

    /// <summary>How many values (and explained gaps) the year holds.</summary>
    public int Count => _values.Length;

    /// <summary>The base's values and explained gaps (a form's contents as stored).</summary>
    public IReadOnlyDictionary<int, ReportedValue> Of(int baseId) =>
        _slices.TryGetValue(baseId, out var slice) ? new FormValues(new ArraySegment<(int, ReportedValue)>(_values, slice.Start, slice.Count)) : FormValues.None;

    public IReadOnlyDictionary<int, PeerDistribution> PeersOf(BaseType type) => _byType.GetValueOrDefault(type) ?? NoType;

    private static readonly Dictionary<int, PeerDistribution> NoType = [];

    /// <summary>One form's values, a view on the year's array (a dozen entries: a linear search is the fastest lookup).</summary>
    private sealed class FormValues(ArraySegment<(int IndicatorId, ReportedValue Value)> values) : IReadOnlyDictionary<int, ReportedValue>
    {
        public static readonly FormValues None = new(ArraySegment<(int, ReportedValue)>.Empty);

        public ReportedValue this[int key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException();

        public IEnumerable<int> Keys => values.Select(v => v.IndicatorId);

        public IEnumerable<ReportedValue> Values => values.Select(v => v.Value);

        public int Count => values.Count;

        public bool ContainsKey(int key) => TryGetValue(key, out _);

        public bool TryGetValue(int key, out ReportedValue value)
        {
            foreach (var (indicatorId, reported) in values)
            {
                if (indicatorId == key)
                {
                    value = reported;
                    return true;
                }
            }

            value = default;
            return false;
        }

        public IEnumerator<KeyValuePair<int, ReportedValue>> GetEnumerator() =>
            values.Select(v => KeyValuePair.Create(v.IndicatorId, v.Value)).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>
/// Loads the comparison data of forms and applies <see cref="ValueChecks"/> per value and <see cref="SubmitRules"/> per
/// form. The form page, the reviewer's list and the import's submit decisions all read their warnings here.
/// </summary>
public sealed class FormWarnings(MieDbContext db)
{
    private static readonly PeerDistribution NoPeers = new([]);

    public async Task<WarningContext> ContextAsync(DemonstrationBase found, int year, CancellationToken cancellationToken = default) =>
        (await ContextsAsync([found], year, cancellationToken))[found.Id];

    /// <summary>
    /// The contexts of several forms of one year at once: one query for their last-year values and one for the year's
    /// values of their types, instead of two queries per form (a page of the reviewer's list). The values are read as
    /// the database holds them now.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, WarningContext>> ContextsAsync(IReadOnlyCollection<DemonstrationBase> bases, int year,
        CancellationToken cancellationToken = default)
    {
        var ids = bases.Select(b => b.Id).ToList();
        var previous = (await db.IndicatorValues.AsNoTracking()
                .Where(v => ids.Contains(v.Submission.BaseId) && v.Submission.Year == year - 1 && v.Value != null)
                .Select(v => new { v.Submission.BaseId, v.IndicatorId, Value = v.Value!.Value }).ToListAsync(cancellationToken))
            .ToLookup(v => v.BaseId);
        var current = await YearAsync(year, bases.Select(b => b.Type).Distinct().ToList(), cancellationToken);
        return bases.ToDictionary(b => b.Id, b => new WarningContext(
            b.Id, previous[b.Id].ToDictionary(v => v.IndicatorId, v => new ReportedValue(v.Value, null)), current.PeersOf(b.Type), current.Of(b.Id)));
    }

    /// <summary>
    /// Every value of a year as the database holds it now — inside an import's transaction, with its rows — in one
    /// query: what the import's final pass decides every changed form of the year with, instead of a query per form.
    /// </summary>
    public async Task<YearValues> YearAsync(int year, IReadOnlyCollection<BaseType>? types = null, CancellationToken cancellationToken = default)
    {
        var query = db.IndicatorValues.AsNoTracking().Where(v => v.Submission.Year == year);
        if (types is not null)
        {
            query = query.Where(v => types.Contains(v.Submission.Base.Type));
        }

        // Sized once from a count: 144,000 rows a year grown by doubling would leave large-object-heap copies behind.
        var rows = new List<(int BaseId, int IndicatorId, ReportedValue Value)>(await query.CountAsync(cancellationToken));
        var counts = new Dictionary<(BaseType Type, int IndicatorId), int>();
        var typeOf = new Dictionary<int, BaseType>();
        await foreach (var v in query.Select(v => new { v.Submission.BaseId, v.Submission.Base.Type, v.IndicatorId, v.Value, v.Comment })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            rows.Add((v.BaseId, v.IndicatorId, new ReportedValue(v.Value, v.Comment)));
            typeOf[v.BaseId] = v.Type;
            if (v.Value is not null)
            {
                counts[(v.Type, v.IndicatorId)] = counts.GetValueOrDefault((v.Type, v.IndicatorId)) + 1;
            }
        }

        // Each group's numbers in an array of its exact size: growing lists would leave a trail of large-object-heap
        // copies behind per group and year, which the process keeps as resident memory.
        var arrays = counts.ToDictionary(c => c.Key, c => new decimal[c.Value]);
        var filled = new Dictionary<(BaseType, int), int>();
        foreach (var (baseId, indicatorId, value) in rows.Where(r => r.Value.Value is not null))
        {
            var key = (typeOf[baseId], indicatorId);
            var at = filled.GetValueOrDefault(key);
            arrays[key][at] = value.Value!.Value;
            filled[key] = at + 1;
        }

        var byType = arrays.GroupBy(a => a.Key.Type).ToDictionary(
            g => g.Key, g => (IReadOnlyDictionary<int, PeerDistribution>)g.ToDictionary(a => a.Key.IndicatorId, a => PeerDistribution.TakeOwnership(a.Value)));
        return new YearValues(year, rows, byType);
    }

    /// <summary>The context of one base's form from its year's values and the year before's.</summary>
    public static WarningContext Context(DemonstrationBase found, YearValues current, YearValues previous) =>
        new(found.Id, previous.Of(found.Id), current.PeersOf(found.Type), current.Of(found.Id));

    /// <remarks>A base is never its own peer: its stored value is left out of the group.</remarks>
    public IReadOnlyList<ValueWarning> For(WarningContext context, int indicatorId, decimal? value) =>
        ValueChecks.Warnings(value,
            context.PreviousYear.TryGetValue(indicatorId, out var previous) ? previous.Value : null,
            context.TypeValues.GetValueOrDefault(indicatorId) ?? NoPeers,
            context.OwnStored.TryGetValue(indicatorId, out var stored) ? stored.Value : null);

    /// <summary>What keeps the form, with <paramref name="values"/>, from being submitted (empty: it may be).</summary>
    public IReadOnlyList<SubmitProblem> SubmitProblems(WarningContext context, IEnumerable<int> activeIndicatorIds,
        IReadOnlyDictionary<int, ReportedValue> values) =>
        SubmitRules.Problems(activeIndicatorIds, values, (indicatorId, value) => For(context, indicatorId, value));
}
