using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.ViewModels.Issues;

/// <summary>An issue category as the administrator creates or edits it.</summary>
public sealed class CategoryInput
{
    public int? Id { get; set; }

    public string Code { get; set; } = "";

    public string NameZh { get; set; } = "";

    public string NameEn { get; set; } = "";

    public int DisplayOrder { get; set; }

    public bool IsActive { get; set; } = true;
}

public sealed class CategoryInputValidator : AbstractValidator<CategoryInput>
{
    public CategoryInputValidator(IStringLocalizer<SharedResource> localizer, MieDbContext db)
    {
        RuleFor(x => x.Code).Matches("^[a-z][a-z0-9_]{1,63}$").WithMessage(x => localizer["Categories.BadCode", x.Code])
            .MustAsync(async (input, code, ct) => !await db.IssueCategories.AnyAsync(c => c.Code == code && c.Id != input.Id, ct))
            .WithMessage(x => localizer["Categories.CodeTaken", x.Code]);
        RuleFor(x => x.NameZh).NotEmpty().MaximumLength(200).WithMessage(localizer["Categories.NameRequired"]);
        RuleFor(x => x.NameEn).NotEmpty().MaximumLength(300).WithMessage(localizer["Categories.NameRequired"]);
        RuleFor(x => x.DisplayOrder).InclusiveBetween(0, 1000).WithMessage(localizer["Categories.BadOrder"]);
    }
}
