using System.Globalization;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Web.Services.Figures;
using MieEvaluation.Web.Services.Registry;
using MieEvaluation.Web.ViewModels.Registry;

namespace MieEvaluation.Web.ViewModels.Figures;

/// <summary>
/// A year range and the registry filters as they arrive in the URL
/// (<c>?from=2016&amp;to=2018&amp;region=east&amp;type=regional&amp;batch=2016&amp;province=Hubei</c>): what completeness
/// is asked with. An invalid member is reported and ignored on pages; exports and the API refuse it.
/// </summary>
public class FigureRangeInput
{
    public const int FirstYear = 2016;

    /// <summary>Twenty years at most in one table: wider ranges are refused rather than silently cut.</summary>
    public const int MaxYears = 20;

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Region { get; set; }

    public string? Type { get; set; }

    public string? Batch { get; set; }

    public string? Province { get; set; }

    public static bool TryYear(string? text, int lastYear, out int year) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out year) && year >= FirstYear && year <= lastYear;

    /// <summary>The range from the valid members; the default is 2016 to <paramref name="defaultTo"/>.</summary>
    public (int From, int To) Range(IReadOnlySet<string> invalid, int defaultTo, int lastYear)
    {
        var from = !invalid.Contains(nameof(From)) && TryYear(From, lastYear, out var f) ? f : FirstYear;
        var to = !invalid.Contains(nameof(To)) && TryYear(To, lastYear, out var t) ? t : Math.Max(from, defaultTo);
        return to < from || to - from + 1 > MaxYears ? (FirstYear, Math.Max(FirstYear, defaultTo)) : (from, to);
    }

    public RegistryFilter Registry(IReadOnlySet<string> invalid, int lastYear) =>
        new RegistryQuery { Region = Region, Type = Type, Batch = Batch, Province = Province }.ToFilter(invalid, lastYear);

    /// <summary>The parameters as given (for the spreadsheet's "about" sheet and file names), empty ones left out.</summary>
    public virtual IEnumerable<KeyValuePair<string, string>> Given() =>
        new[] { ("from", From), ("to", To), ("region", Region), ("type", Type), ("batch", Batch), ("province", Province) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => KeyValuePair.Create(p.Item1, p.Item2!.Trim()));
}

/// <summary>A range with the registry filters and the scope of statuses counted (<c>status=approved|provisional</c>).</summary>
public class FigureScopeInput : FigureRangeInput
{
    /// <summary><c>approved</c> (default: reviewed data only) or <c>provisional</c> (approved and submitted).</summary>
    public string? Status { get; set; }

    /// <summary>The scope asked for; approved when none or an invalid one was given.</summary>
    public FigureScope Scope(IReadOnlySet<string> invalid) =>
        !invalid.Contains(nameof(Status)) && FigureScopes.TryParse(Status, out var scope) ? scope : FigureScope.Approved;

    /// <summary>
    /// The query, its default end year the last year with values counted in the chosen scope: what every page, export
    /// and API answer of the figures asks first.
    /// </summary>
    public async Task<FigureQuery> ToQueryAsync(IReadOnlySet<string> invalid, FiguresService figures, int lastYear, CancellationToken cancellationToken) =>
        ToQuery(invalid, await figures.LatestYearAsync(Scope(invalid), cancellationToken), lastYear);

    /// <summary>
    /// The query from the valid members; the default range is 2016 to <paramref name="defaultTo"/>, the last year with
    /// values counted in the scope (<see cref="FiguresService.LatestYearAsync"/>).
    /// </summary>
    public FigureQuery ToQuery(IReadOnlySet<string> invalid, int defaultTo, int lastYear)
    {
        var (from, to) = Range(invalid, defaultTo, lastYear);
        var registry = Registry(invalid, lastYear);
        return new FigureQuery(from, to, registry.Regions, registry.Type, registry.Batch, registry.ProvinceCode, FigureScopes.Counted(Scope(invalid)));
    }

    public override IEnumerable<KeyValuePair<string, string>> Given() =>
        base.Given().Append(KeyValuePair.Create("status", FigureScopes.Code(Scope(new HashSet<string>()))));
}

/// <summary>The dashboard's and the growth exports' filters: a scope and the panel (<c>panel=all|balanced</c>).</summary>
public sealed class FigureFilterInput : FigureScopeInput
{
    /// <summary><c>all</c> (default) or <c>balanced</c>.</summary>
    public string? Panel { get; set; }

    public bool Balanced(IReadOnlySet<string> invalid) => !invalid.Contains(nameof(Panel)) && string.Equals(Panel?.Trim(), "balanced", StringComparison.OrdinalIgnoreCase);

    public override IEnumerable<KeyValuePair<string, string>> Given() =>
        base.Given().Append(KeyValuePair.Create("panel", Balanced(new HashSet<string>()) ? "balanced" : "all"));
}

/// <summary>The values export's filters: a scope, and optionally one base (by code, former codes too) and one indicator.</summary>
public sealed class ValueFilterInput : FigureScopeInput
{
    public string? Base { get; set; }

    public string? Indicator { get; set; }

    public override IEnumerable<KeyValuePair<string, string>> Given() =>
        base.Given().Concat(new[] { ("base", Base), ("indicator", Indicator) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => KeyValuePair.Create(p.Item1, p.Item2!.Trim())));
}
