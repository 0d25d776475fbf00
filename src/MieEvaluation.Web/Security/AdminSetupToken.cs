using System.Security.Cryptography;

namespace MieEvaluation.Web.Security;

/// <summary>
/// The one-time secret of the setup link that creates the first administrator when no administrator exists and
/// none was configured. It lives only in memory: it dies with the process and after its first use.
/// </summary>
public sealed class AdminSetupToken
{
    private readonly Lock _gate = new();
    private byte[]? _hash;

    /// <summary>Creates a new token and returns it; only its hash is kept.</summary>
    public string Issue()
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        lock (_gate)
        {
            _hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));
        }

        return token;
    }

    public bool IsValid(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        var candidate = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));
        lock (_gate)
        {
            return _hash is not null && CryptographicOperations.FixedTimeEquals(_hash, candidate);
        }
    }

    /// <summary>Uses the token up: true only for the first caller with the right token.</summary>
    public bool TryConsume(string? token)
    {
        lock (_gate)
        {
            if (!IsValid(token))
            {
                return false;
            }

            _hash = null;
            return true;
        }
    }
}
