using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace MieEvaluation.Web.Security;

/// <summary>
/// Refuses a password that is one of the 30,000 most common ones (Security/common-passwords.txt, from zxcvbn, MIT),
/// once written in lower case, with the usual letter-for-digit swaps undone (0→o, 1→l, 3→e, 4→a, 5→s, 7→t, @→a, $→s)
/// and the digits and signs at its end dropped — so "Password12", "Qwerty1234" and "Passw0rd12" are refused — and a
/// password that contains the name of the account's e-mail address.
/// </summary>
internal sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> localizer) : IPasswordValidator<AppUser>
{
    private static readonly Lazy<FrozenSet<string>> Common = new(() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Security", "common-passwords.txt"))
            .Where(line => line.Length > 0).ToFrozenSet(StringComparer.Ordinal));

    /// <summary>The shortest e-mail name that counts: shorter ones ("li", "wu") would refuse half of all passwords.</summary>
    private const int MinNameLength = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var lower = password.ToLowerInvariant();
        var name = (user.Email ?? user.UserName ?? "").Split('@')[0].ToLowerInvariant();
        if (name.Length >= MinNameLength && lower.Contains(name, StringComparison.Ordinal))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordContainsEmail", Description = localizer["Account.PasswordHasEmail"] }));
        }

        return Task.FromResult(IsCommon(lower)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = localizer["Account.PasswordTooCommon"] })
            : IdentityResult.Success);
    }

    /// <summary>Whether the lower-case password is common: as typed or without its tail, each also with swaps undone.</summary>
    internal static bool IsCommon(string lower)
    {
        var withoutTail = lower.TrimEnd(Tail);
        return Common.Value.Contains(lower) || Common.Value.Contains(withoutTail)
            || Common.Value.Contains(Unswapped(lower)) || Common.Value.Contains(Unswapped(withoutTail));
    }

    /// <summary>What people add at the end of a word to pass a length rule.</summary>
    private static readonly char[] Tail = "0123456789!@#$%^&*()-_=+.,;:?~ ".ToCharArray();

    private static string Unswapped(string lower) => string.Create(lower.Length, lower, (span, text) =>
    {
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = text[i] switch
            {
                '0' => 'o', '1' => 'l', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '@' => 'a', '$' => 's',
                var other => other,
            };
        }
    });
}
