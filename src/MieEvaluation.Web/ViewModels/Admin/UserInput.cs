using FluentValidation;
using Microsoft.Extensions.Localization;
using MieEvaluation.Web.Security;

namespace MieEvaluation.Web.ViewModels.Admin;

/// <summary>An account as the administrator creates or edits it. Password only on creation.</summary>
public sealed class UserInput
{
    public string? Id { get; set; }

    public string Email { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string? Password { get; set; }

    public List<string> Roles { get; set; } = [];

    /// <summary>The base a base contact is bound to (its code); empty for every other account.</summary>
    public string? BaseCode { get; set; }
}

public sealed class UserInputValidator : AbstractValidator<UserInput>
{
    public UserInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage(localizer["Account.EmailRequired"])
            .EmailAddress().WithMessage(x => localizer["Account.EmailInvalid", x.Email]).MaximumLength(256);
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage(localizer["Account.NameRequired"]).MaximumLength(100);
        RuleFor(x => x.Password).NotEmpty().When(x => x.Id is null).WithMessage(localizer["Account.PasswordRequired"]);
        RuleForEach(x => x.Roles).Must(r => Security.Roles.All.Contains(r)).WithMessage((_, r) => localizer["Users.UnknownRole", r]);
        // A base contact sees one base only: another role would open the others to them.
        RuleFor(x => x.Roles).Must(r => r.Distinct().Count() == 1).When(x => x.Roles.Contains(Security.Roles.BaseContact))
            .WithMessage(localizer["Users.BaseContactAlone"]);
        RuleFor(x => x.BaseCode).NotEmpty().When(x => x.Roles.Contains(Security.Roles.BaseContact)).WithMessage(localizer["Users.BaseRequired"]);
        RuleFor(x => x.BaseCode).Empty().When(x => !x.Roles.Contains(Security.Roles.BaseContact)).WithMessage(localizer["Users.BaseOnlyForContacts"]);
    }
}

public sealed record UserRow(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool Disabled);
