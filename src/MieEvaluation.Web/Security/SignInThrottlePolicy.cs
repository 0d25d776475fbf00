using System.Net;
using System.Net.Sockets;

namespace MieEvaluation.Web.Security;

/// <summary>
/// How long failed sign-ins delay the next attempt (docs/security.md). Each count lets a few failures pass, then each
/// further failure doubles the wait, up to a ceiling. There is no lock: the e-mail-wide count, which anyone can raise
/// for someone else's account, waits at most a minute, while a guesser on one address waits up to a quarter of an hour
/// between guesses. A count is forgotten a day after its last failure, or at the next successful sign-in.
/// </summary>
public static class SignInThrottlePolicy
{
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);

    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(5);

    /// <summary>When the next attempt is allowed, or null when it is allowed now (or the count is forgotten).</summary>
    public static DateTime? DelayedUntil(SignInThrottleKind kind, int failures, DateTime lastFailureUtc, DateTime nowUtc)
    {
        var (free, ceiling) = Limits(kind);
        if (failures < free || nowUtc - lastFailureUtc >= ForgetAfter)
        {
            return null;
        }

        // 5 s, 10 s, 20 s … : the doubling stops at the ceiling long before the shift could overflow.
        var doublings = Math.Min(failures - free, 20);
        var delay = TimeSpan.FromTicks(Math.Min(FirstDelay.Ticks << doublings, ceiling.Ticks));
        var until = lastFailureUtc + delay;
        return until > nowUtc ? until : null;
    }

    /// <summary>Failures let through before the first delay, and the longest delay.</summary>
    public static (int Free, TimeSpan Ceiling) Limits(SignInThrottleKind kind) => kind switch
    {
        SignInThrottleKind.EmailAtAddress => (5, TimeSpan.FromMinutes(15)),
        SignInThrottleKind.Email => (10, TimeSpan.FromMinutes(1)),
        _ => (20, TimeSpan.FromMinutes(15)),
    };

    /// <summary>
    /// The e-mail as counted: trimmed and lower-cased, so "A@x.cn " and "a@x.cn" share a count. Long input is cut
    /// (the form refuses more than 256 characters anyway).
    /// </summary>
    public static string EmailKey(string email)
    {
        var key = email.Trim().ToLowerInvariant();
        return key.Length <= 256 ? key : key[..256];
    }

    /// <summary>
    /// The address as counted. An IPv6 client usually holds a whole /64 network and could change address at every
    /// attempt, so the network is what is counted; an IPv4 address mapped into IPv6 counts as itself.
    /// </summary>
    public static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
