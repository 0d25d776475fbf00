using FluentValidation;
using Microsoft.Extensions.Localization;

namespace MieEvaluation.Web.ViewModels.Account;

/// <summary>The first administrator, created through the one-time setup link.</summary>
public sealed class SetupInput
{
    public string Token { get; set; } = "";

    public string Email { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Password { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";
}

public sealed class SetupInputValidator : AbstractValidator<SetupInput>
{
    public SetupInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage(localizer["Account.EmailRequired"])
            .EmailAddress().WithMessage(localizer["Account.EmailInvalid"]).MaximumLength(256);
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage(localizer["Account.NameRequired"]).MaximumLength(100);
        RuleFor(x => x.Password).NotEmpty().WithMessage(localizer["Account.PasswordRequired"]);
        RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage(localizer["Account.PasswordsDiffer"]);
    }
}
