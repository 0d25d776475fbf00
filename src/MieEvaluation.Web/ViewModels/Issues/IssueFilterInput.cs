using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Issues;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Services.Issues;
using MieEvaluation.Web.ViewModels.Figures;
using MieEvaluation.Web.ViewModels.Registry;

namespace MieEvaluation.Web.ViewModels.Issues;

/// <summary>The issue summary's and the issues export's filters (<c>?year=2023&amp;category=3&amp;region=east&amp;status=open</c>).</summary>
public sealed class IssueFilterInput
{
    public string? Year { get; set; }

    /// <summary>A category id, as listed in the data dictionary.</summary>
    public string? Category { get; set; }

    public string? Region { get; set; }

    /// <summary><c>open</c> or <c>addressed</c>.</summary>
    public string? Status { get; set; }

    /// <summary>The filter made of the valid members; the invalid ones mean "all".</summary>
    public IssueFilter ToFilter(IReadOnlySet<string> invalid, int lastYear)
    {
        int? year = !invalid.Contains(nameof(Year)) && FigureRangeInput.TryYear(Year, lastYear, out var y) ? y : null;
        int? category = !invalid.Contains(nameof(Category)) && int.TryParse(Category?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : null;
        var regions = invalid.Contains(nameof(Region)) ? null : new RegistryQuery { Region = Region }.ToFilter(invalid, lastYear).Regions;
        IssueStatus? status = !invalid.Contains(nameof(Status)) && TryStatus(Status, out var s) ? s : null;
        return new IssueFilter(year, category, regions, status);
    }

    public IEnumerable<KeyValuePair<string, string>> Given() =>
        new[] { ("year", Year), ("category", Category), ("region", Region), ("status", Status) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => KeyValuePair.Create(p.Item1, p.Item2!.Trim()));

    public static bool TryStatus(string? text, out IssueStatus status) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(text, out _);
}

public sealed class IssueFilterInputValidator : AbstractValidator<IssueFilterInput>
{
    public IssueFilterInputValidator(IStringLocalizer<SharedResource> localizer, TimeProvider clock, MieDbContext db)
    {
        var lastYear = clock.GetUtcNow().Year;
        RuleFor(x => x.Year).Must(y => string.IsNullOrWhiteSpace(y) || FigureRangeInput.TryYear(y, lastYear, out _))
            .WithMessage(x => localizer["Figures.BadYear", x.Year!, FigureRangeInput.FirstYear, lastYear]);
        RuleFor(x => x.Category).Must(c => string.IsNullOrWhiteSpace(c) || int.TryParse(c.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .WithMessage(x => localizer["Issues.UnknownCategory", x.Category!])
            .DependentRules(() => RuleFor(x => x.Category)
                .MustAsync(async (c, ct) => string.IsNullOrWhiteSpace(c) || await CategoryExistsAsync(db, int.Parse(c.Trim(), CultureInfo.InvariantCulture), ct))
                .WithErrorCode(ParameterErrors.UnknownCode)
                .WithMessage(x => localizer["Issues.UnknownCategory", x.Category!]));
        RuleFor(x => x.Region).Must(r => string.IsNullOrWhiteSpace(r) || RegistryQueryValidator.IsRegionCode(r))
            .WithMessage(x => localizer["Registry.UnknownRegion", x.Region!]);
        RuleFor(x => x.Status).Must(s => string.IsNullOrWhiteSpace(s) || IssueFilterInput.TryStatus(s, out _))
            .WithMessage(x => localizer["Issues.BadStatus", x.Status!]);
    }

    private static Task<bool> CategoryExistsAsync(MieDbContext db, int id, CancellationToken cancellationToken) =>
        db.IssueCategories.AnyAsync(c => c.Id == id, cancellationToken);
}
