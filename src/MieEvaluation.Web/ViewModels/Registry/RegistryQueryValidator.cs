using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.ViewModels.Registry;

/// <summary>
/// Each filter is checked on its own; an invalid one is reported and ignored while the others still apply.
/// "central_west" is accepted as a region: central and western together (中西部).
/// </summary>
public sealed class RegistryQueryValidator : AbstractValidator<RegistryQuery>
{
    public const int FirstBatchYear = 2016;
    public const string CentralAndWestCode = "central_west";

    public RegistryQueryValidator(IStringLocalizer<SharedResource> localizer, TimeProvider clock, MieDbContext db)
    {
        var lastYear = clock.GetUtcNow().Year;

        RuleFor(q => q.Region)
            .Must(r => string.IsNullOrWhiteSpace(r) || IsRegionCode(r))
            .WithMessage(q => localizer["Registry.UnknownRegion", q.Region!]);

        RuleFor(q => q.Type)
            .Must(t => string.IsNullOrWhiteSpace(t) || RegistryCodes.TryParseType(t, out _))
            .WithMessage(q => localizer["Registry.UnknownType", q.Type!]);

        RuleFor(q => q.Batch)
            .Must(b => string.IsNullOrWhiteSpace(b) || TryParseBatch(b, lastYear, out _))
            .WithMessage(q => localizer["Registry.BadBatch", q.Batch!, lastYear]);

        RuleFor(q => q.Province)
            .MustAsync(async (p, ct) => string.IsNullOrWhiteSpace(p) || await db.Provinces.AnyAsync(x => x.Code == p.Trim(), ct))
            .WithMessage(q => localizer["Registry.UnknownProvince", q.Province!]);
    }

    public static bool IsRegionCode(string code) =>
        string.Equals(code.Trim(), CentralAndWestCode, StringComparison.OrdinalIgnoreCase) || RegistryCodes.TryParseRegion(code, out _);

    public static bool TryParseBatch(string text, int lastYear, out int year) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out year) && year >= FirstBatchYear && year <= lastYear;
}
