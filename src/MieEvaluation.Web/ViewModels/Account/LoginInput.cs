using FluentValidation;
using Microsoft.Extensions.Localization;

namespace MieEvaluation.Web.ViewModels.Account;

public sealed class LoginInput
{
    public string Email { get; set; } = "";

    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed class LoginInputValidator : AbstractValidator<LoginInput>
{
    public LoginInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage(localizer["Account.EmailRequired"]).MaximumLength(256);
        RuleFor(x => x.Password).NotEmpty().WithMessage(localizer["Account.PasswordRequired"]).MaximumLength(256);
    }
}
