using FluentValidation;
using Microsoft.Extensions.Localization;

namespace MieEvaluation.Web.ViewModels.Account;

public sealed class ChangePasswordInput
{
    public string CurrentPassword { get; set; } = "";

    public string NewPassword { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";
}

public sealed class ChangePasswordInputValidator : AbstractValidator<ChangePasswordInput>
{
    public ChangePasswordInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage(localizer["Account.PasswordRequired"]);
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage(localizer["Account.PasswordRequired"]);
        RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage(localizer["Account.PasswordsDiffer"]);
    }
}
