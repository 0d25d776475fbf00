using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Evaluation;
using MieEvaluation.Domain.Registry;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.ViewModels.Registry;

namespace MieEvaluation.Web.ViewModels.Figures;

/// <summary>
/// The error code of a parameter that names something that does not exist (a base, an indicator, a province, an issue
/// category): exports and the API answer it with 404, every other bad parameter with 400.
/// </summary>
public static class ParameterErrors
{
    public const string UnknownCode = "UnknownCode";
}

/// <summary>The rules of a year range and the registry filters, shared by every input that has them.</summary>
public abstract class FigureRangeRules<T> : AbstractValidator<T>
    where T : FigureRangeInput
{
    protected FigureRangeRules(IStringLocalizer<SharedResource> localizer, TimeProvider clock, MieDbContext db)
    {
        var lastYear = clock.GetUtcNow().Year;
        RuleFor(x => x.From).Must(y => string.IsNullOrWhiteSpace(y) || FigureRangeInput.TryYear(y, lastYear, out _))
            .WithMessage(x => localizer["Figures.BadYear", x.From!, FigureRangeInput.FirstYear, lastYear]);
        RuleFor(x => x.To).Must(y => string.IsNullOrWhiteSpace(y) || FigureRangeInput.TryYear(y, lastYear, out _))
            .WithMessage(x => localizer["Figures.BadYear", x.To!, FigureRangeInput.FirstYear, lastYear]);
        RuleFor(x => x).Must(x => !FigureRangeInput.TryYear(x.From, lastYear, out var f) || !FigureRangeInput.TryYear(x.To, lastYear, out var t) ||
                                  (f <= t && t - f + 1 <= FigureRangeInput.MaxYears))
            .WithName(nameof(FigureRangeInput.To))
            .WithMessage(x => localizer["Figures.BadRange", x.From!, x.To!, FigureRangeInput.MaxYears]);
        RuleFor(x => x.Region).Must(r => string.IsNullOrWhiteSpace(r) || RegistryQueryValidator.IsRegionCode(r))
            .WithMessage(x => localizer["Registry.UnknownRegion", x.Region!]);
        RuleFor(x => x.Type).Must(t => string.IsNullOrWhiteSpace(t) || RegistryCodes.TryParseType(t, out _))
            .WithMessage(x => localizer["Registry.UnknownType", x.Type!]);
        RuleFor(x => x.Batch).Must(b => string.IsNullOrWhiteSpace(b) || RegistryQueryValidator.TryParseBatch(b, lastYear, out _))
            .WithMessage(x => localizer["Registry.BadBatch", x.Batch!, lastYear]);
        RuleFor(x => x.Province)
            .MustAsync(async (p, ct) => string.IsNullOrWhiteSpace(p) || await db.Provinces.AnyAsync(x => x.Code == p.Trim(), ct))
            .WithErrorCode(ParameterErrors.UnknownCode)
            .WithMessage(x => localizer["Registry.UnknownProvince", x.Province!]);
    }
}

/// <summary>The rules of a range with a scope of statuses.</summary>
public abstract class FigureScopeRules<T> : FigureRangeRules<T>
    where T : FigureScopeInput
{
    protected FigureScopeRules(IStringLocalizer<SharedResource> localizer, TimeProvider clock, MieDbContext db)
        : base(localizer, clock, db)
    {
        RuleFor(x => x.Status).Must(s => FigureScopes.TryParse(s, out _))
            .WithMessage(x => localizer["Figures.BadScope", x.Status!]);
    }
}

public sealed class FigureRangeInputValidator(IStringLocalizer<SharedResource> localizer, TimeProvider clock, MieDbContext db)
    : FigureRangeRules<FigureRangeInput>(localizer, clock, db);

public sealed class FigureFilterInputValidator : FigureScopeRules<FigureFilterInput>
{
    public FigureFilterInputValidator(IStringLocalizer<SharedResource> localizer, TimeProvider clock, MieDbContext db)
        : base(localizer, clock, db)
    {
        RuleFor(x => x.Panel).Must(p => string.IsNullOrWhiteSpace(p) || p.Trim() is "all" or "balanced")
            .WithMessage(x => localizer["Figures.BadPanel", x.Panel!]);
    }
}

public sealed class ValueFilterInputValidator : FigureScopeRules<ValueFilterInput>
{
    public ValueFilterInputValidator(IStringLocalizer<SharedResource> localizer, TimeProvider clock, MieDbContext db)
        : base(localizer, clock, db)
    {
        RuleFor(x => x.Base)
            .MustAsync(async (code, ct) => string.IsNullOrWhiteSpace(code) || await db.Bases.AnyAsync(b => b.Code == BaseCodes.Canonical(code), ct))
            .WithErrorCode(ParameterErrors.UnknownCode)
            .WithMessage(x => localizer["Figures.UnknownBase", x.Base!]);
        RuleFor(x => x.Indicator)
            .MustAsync(async (code, ct) => string.IsNullOrWhiteSpace(code) || await db.Indicators.AnyAsync(i => i.Code == code.Trim(), ct))
            .WithErrorCode(ParameterErrors.UnknownCode)
            .WithMessage(x => localizer["Figures.UnknownIndicator", x.Indicator!]);
    }
}
