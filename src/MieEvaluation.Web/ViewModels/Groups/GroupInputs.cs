using FluentValidation;
using Microsoft.Extensions.Localization;
using MieEvaluation.Domain.Groups;

namespace MieEvaluation.Web.ViewModels.Groups;

public sealed class NewGroupInput
{
    public int Year { get; set; }

    public string Name { get; set; } = "";
}

public sealed class NewGroupInputValidator : AbstractValidator<NewGroupInput>
{
    public NewGroupInputValidator(IStringLocalizer<SharedResource> localizer, TimeProvider clock)
    {
        RuleFor(x => x.Year).InclusiveBetween(2016, clock.GetUtcNow().Year + 1)
            .WithMessage(x => localizer["Groups.BadYear", x.Year, clock.GetUtcNow().Year + 1]);
        RuleFor(x => x.Name).NotEmpty().WithMessage(localizer["Groups.NameRequired"]).MaximumLength(200);
    }
}

public sealed class MemberInput
{
    public string UserId { get; set; } = "";

    public string Organisation { get; set; } = "";

    public OrganisationKind OrganisationKind { get; set; }

    public ExpertiseKind Expertise { get; set; }

    /// <summary>The province code of the member's organisation; needed when a round keeps experts from their own province.</summary>
    public string? ProvinceCode { get; set; }

    public bool IsLeader { get; set; }
}

public sealed class MemberInputValidator : AbstractValidator<MemberInput>
{
    public MemberInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.UserId).NotEmpty().WithMessage(localizer["Groups.ChooseEvaluator"]);
        RuleFor(x => x.Organisation).NotEmpty().WithMessage(localizer["Groups.OrganisationRequired"]).MaximumLength(200);
        RuleFor(x => x.OrganisationKind).IsInEnum().WithMessage(localizer["Groups.BadChoice"]);
        RuleFor(x => x.Expertise).IsInEnum().WithMessage(localizer["Groups.BadChoice"]);
        RuleFor(x => x.ProvinceCode).MaximumLength(8).WithMessage(localizer["Groups.BadChoice"]);
    }
}
