using System.Net;
using Microsoft.AspNetCore.Identity;

namespace MieEvaluation.Web.Security;

public enum PasswordCheckOutcome
{
    Succeeded,

    /// <summary>Unknown e-mail or wrong password: the same answer for both.</summary>
    Wrong,

    /// <summary>The right password of a disabled account; said only to whoever knows the password.</summary>
    Disabled,

    /// <summary>Too many failures: not checked at all until <see cref="PasswordCheckResult.RetryAfter"/> has passed.</summary>
    Delayed,
}

public sealed record PasswordCheckResult(PasswordCheckOutcome Outcome, AppUser? User = null, TimeSpan RetryAfter = default);

/// <summary>
/// The one check of an e-mail and password, for the sign-in page and the token API alike. Failures are counted per
/// e-mail, per address and per both (<see cref="SignInThrottlePolicy"/>) instead of locking the account. An unknown
/// e-mail costs the same work as a known one — a password is verified against a hash made at start with the same
/// hasher — and is counted the same way, so neither the answer nor its time tells which e-mails have accounts.
/// </summary>
public sealed class PasswordCheck(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    SignInThrottleStore throttles,
    PasswordCheck.UnknownAccountHash unknownAccount,
    TimeProvider clock)
{
    public async Task<PasswordCheckResult> CheckAsync(string email, string password, IPAddress? clientAddress)
    {
        var keys = new SignInAttemptKeys(SignInThrottlePolicy.EmailKey(email), SignInThrottlePolicy.AddressKey(clientAddress));
        if (await throttles.DelayedUntilAsync(keys) is { } until)
        {
            var wait = until - clock.GetUtcNow().UtcDateTime;
            return new(PasswordCheckOutcome.Delayed, RetryAfter: wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1));
        }

        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            unknownAccount.SpendVerifying(users.PasswordHasher, password);
        }

        if (user is null || !await users.CheckPasswordAsync(user, password))
        {
            await throttles.RecordFailureAsync(keys);
            return new(PasswordCheckOutcome.Wrong);
        }

        await throttles.ForgetEmailAsync(keys);
        // The one rule of who may sign in (EnabledAccountConfirmation): a disabled account may not.
        return await signIn.CanSignInAsync(user!) ? new(PasswordCheckOutcome.Succeeded, user) : new(PasswordCheckOutcome.Disabled, user);
    }

    /// <summary>
    /// A hash of a random password, made on first use with the application's hasher and its work factor (a singleton:
    /// the hasher itself is scoped). Verifying against it costs what verifying a real account's password costs.
    /// </summary>
    public sealed class UnknownAccountHash
    {
        private static readonly AppUser Nobody = new();
        private string? _hash;

        public void SpendVerifying(IPasswordHasher<AppUser> hasher, string password)
        {
            _hash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
            _ = hasher.VerifyHashedPassword(Nobody, _hash, password);
        }
    }
}
