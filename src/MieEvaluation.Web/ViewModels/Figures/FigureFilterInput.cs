using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Services.Figures;
using MieEvaluation.Web.ViewModels.Registry;

namespace MieEvaluation.Web.ViewModels.Figures;

/// <summary>
/// The dashboard's and the exports' filters as they arrive in the URL
/// (<c>?from=2016&amp;to=2018&amp;region=east&amp;type=regional&amp;batch=2016&amp;province=Hubei&amp;panel=balanced</c>).
/// An invalid filter is reported and ignored; the others still apply.
/// </summary>
public sealed class FigureFilterInput
{
    public const int FirstYear = 2016;

    /// <summary>Ten years at most in one table: wider ranges are refused rather than silently cut.</summary>
    public const int MaxYears = 20;

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Region { get; set; }

    public string? Type { get; set; }

    public string? Batch { get; set; }

    public string? Province { get; set; }

    /// <summary><c>all</c> (default) or <c>balanced</c>.</summary>
    public string? Panel { get; set; }

    /// <summary><c>approved</c> (default: reviewed data only) or <c>provisional</c> (approved and submitted).</summary>
    public string? Status { get; set; }

    /// <summary>The scope asked for; approved when none or an invalid one was given.</summary>
    public FigureScope Scope(IReadOnlySet<string> invalid) =>
        !invalid.Contains(nameof(Status)) && FigureScopes.TryParse(Status, out var scope) ? scope : FigureScope.Approved;

    public bool Balanced(IReadOnlySet<string> invalid) => !invalid.Contains(nameof(Panel)) && string.Equals(Panel?.Trim(), "balanced", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The query, its default end year the last year with values counted in the chosen scope: what every page, export
    /// and API answer of the figures asks first.
    /// </summary>
    public async Task<FigureQuery> ToQueryAsync(IReadOnlySet<string> invalid, FiguresService figures, int lastYear, CancellationToken cancellationToken) =>
        ToQuery(invalid, await figures.LatestYearAsync(Scope(invalid), cancellationToken), lastYear);

    public static bool TryYear(string? text, int lastYear, out int year) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out year) && year >= FirstYear && year <= lastYear;

    /// <summary>
    /// The query from the valid members; the default range is 2016 to <paramref name="defaultTo"/>, the last year with
    /// values counted in the scope (<see cref="Services.Figures.FiguresService.LatestYearAsync"/>).
    /// </summary>
    public FigureQuery ToQuery(IReadOnlySet<string> invalid, int defaultTo, int lastYear)
    {
        var from = !invalid.Contains(nameof(From)) && TryYear(From, lastYear, out var f) ? f : FirstYear;
        var to = !invalid.Contains(nameof(To)) && TryYear(To, lastYear, out var t) ? t : Math.Max(from, defaultTo);
        if (to < from || to - from + 1 > MaxYears)
        {
            (from, to) = (FirstYear, Math.Max(FirstYear, defaultTo));
        }

        var registry = new RegistryQuery { Region = Region, Type = Type, Batch = Batch, Province = Province }
            .ToFilter(invalid, lastYear);
        return new FigureQuery(from, to, registry.Regions, registry.Type, registry.Batch, registry.ProvinceCode, FigureScopes.Counted(Scope(invalid)));
    }
}

public sealed class FigureFilterInputValidator : AbstractValidator<FigureFilterInput>
{
    public FigureFilterInputValidator(IStringLocalizer<SharedResource> localizer, TimeProvider clock, MieDbContext db)
    {
        var lastYear = clock.GetUtcNow().Year;
        RuleFor(x => x.From).Must(y => string.IsNullOrWhiteSpace(y) || FigureFilterInput.TryYear(y, lastYear, out _))
            .WithMessage(x => localizer["Figures.BadYear", x.From!, FigureFilterInput.FirstYear, lastYear]);
        RuleFor(x => x.To).Must(y => string.IsNullOrWhiteSpace(y) || FigureFilterInput.TryYear(y, lastYear, out _))
            .WithMessage(x => localizer["Figures.BadYear", x.To!, FigureFilterInput.FirstYear, lastYear]);
        RuleFor(x => x).Must(x => !FigureFilterInput.TryYear(x.From, lastYear, out var f) || !FigureFilterInput.TryYear(x.To, lastYear, out var t) ||
                                  (f <= t && t - f + 1 <= FigureFilterInput.MaxYears))
            .WithName(nameof(FigureFilterInput.To))
            .WithMessage(x => localizer["Figures.BadRange", x.From!, x.To!, FigureFilterInput.MaxYears]);
        RuleFor(x => x.Region).Must(r => string.IsNullOrWhiteSpace(r) || RegistryQueryValidator.IsRegionCode(r))
            .WithMessage(x => localizer["Registry.UnknownRegion", x.Region!]);
        RuleFor(x => x.Type).Must(t => string.IsNullOrWhiteSpace(t) || RegistryCodes.TryParseType(t, out _))
            .WithMessage(x => localizer["Registry.UnknownType", x.Type!]);
        RuleFor(x => x.Batch).Must(b => string.IsNullOrWhiteSpace(b) || RegistryQueryValidator.TryParseBatch(b, lastYear, out _))
            .WithMessage(x => localizer["Registry.BadBatch", x.Batch!, lastYear]);
        RuleFor(x => x.Province)
            .MustAsync(async (p, ct) => string.IsNullOrWhiteSpace(p) || await db.Provinces.AnyAsync(x => x.Code == p.Trim(), ct))
            .WithMessage(x => localizer["Registry.UnknownProvince", x.Province!]);
        RuleFor(x => x.Status).Must(s => FigureScopes.TryParse(s, out _))
            .WithMessage(x => localizer["Figures.BadScope", x.Status!]);
        RuleFor(x => x.Panel).Must(p => string.IsNullOrWhiteSpace(p) || p.Trim() is "all" or "balanced")
            .WithMessage(x => localizer["Figures.BadPanel", x.Panel!]);
    }
}
