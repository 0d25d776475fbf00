namespace MieEvaluation.Web.Security;

/// <summary>
/// Failed sign-ins counted for one e-mail, one client address, or one e-mail from one address (the unused part is
/// empty). Kept in the database so every instance behind the proxy counts the same failures; an e-mail is counted
/// whether or not an account has it, so the count tells nobody which accounts exist.
/// </summary>
public sealed class SignInThrottle
{
    public long Id { get; set; }

    /// <summary>The e-mail as typed, trimmed and lower-cased; empty for an address's count.</summary>
    public required string Email { get; set; }

    /// <summary>The client address (an IPv6 address by its /64 network); empty for an e-mail's count.</summary>
    public required string Address { get; set; }

    /// <summary>Failures in a row since the last success or since the count was forgotten.</summary>
    public int Failures { get; set; }

    public DateTime LastFailureUtc { get; set; }

    public SignInThrottleKind Kind => (Email.Length > 0, Address.Length > 0) switch
    {
        (true, true) => SignInThrottleKind.EmailAtAddress,
        (true, false) => SignInThrottleKind.Email,
        _ => SignInThrottleKind.Address,
    };
}

public enum SignInThrottleKind
{
    /// <summary>One e-mail from one address: the usual guesser, slowed most.</summary>
    EmailAtAddress,

    /// <summary>One e-mail from any address: guessing spread over many addresses; slowed briefly only, so that
    /// nobody can keep the owner out.</summary>
    Email,

    /// <summary>One address, any e-mail: one machine trying many accounts.</summary>
    Address,
}
