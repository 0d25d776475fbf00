using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Issues;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.ViewModels.Issues;

/// <summary>A problem an evaluator found at a base in an evaluation year.</summary>
public sealed class IssueInput
{
    public string BaseCode { get; set; } = "";

    public int Year { get; set; }

    public int CategoryId { get; set; }

    public IssueSeverity Severity { get; set; } = IssueSeverity.Medium;

    public string Text { get; set; } = "";
}

public sealed class IssueInputValidator : AbstractValidator<IssueInput>
{
    public const int MaxTextLength = 4000;

    public IssueInputValidator(IStringLocalizer<SharedResource> localizer, TimeProvider clock, MieDbContext db)
    {
        var lastYear = clock.GetUtcNow().Year;
        RuleFor(x => x.BaseCode).MustAsync((code, ct) => db.Bases.AnyAsync(b => b.Code == code && b.IsActive, ct))
            .WithMessage(x => localizer["Issues.UnknownBase", x.BaseCode]);
        RuleFor(x => x.Year).MustAsync(async (input, year, ct) =>
                year <= lastYear && await db.Bases.AnyAsync(b => b.Code == input.BaseCode && b.BatchYear <= year, ct))
            .WithMessage(x => localizer["Issues.BadYear", x.Year, lastYear]);
        RuleFor(x => x.CategoryId).MustAsync((id, ct) => db.IssueCategories.AnyAsync(c => c.Id == id && c.IsActive, ct))
            .WithMessage(localizer["Issues.ChooseCategory"]);
        RuleFor(x => x.Severity).IsInEnum().WithMessage(localizer["Groups.BadChoice"]);
        RuleFor(x => x.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(localizer["Issues.TextRequired"])
            .MaximumLength(MaxTextLength).WithMessage(localizer["Issues.TextTooLong", MaxTextLength]);
    }
}
