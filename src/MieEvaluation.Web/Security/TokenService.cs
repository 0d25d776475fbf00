using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Security;

/// <summary>Creates, checks and revokes personal access tokens.</summary>
public sealed class TokenService(MieDbContext db, TimeProvider clock)
{
    public const int DefaultDays = 90;
    public const int MaxDays = 366;

    /// <summary>A new token for the user; the returned text is the only time it exists outside a hash.</summary>
    public async Task<(string Token, PersonalAccessToken Stored)> CreateAsync(string userId, string name, int days)
    {
        var token = "mie_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = new PersonalAccessToken
        {
            UserId = userId,
            Name = name,
            Hash = Hash(token),
            Prefix = token[..10],
            CreatedAtUtc = now,
            ExpiresAtUtc = now.AddDays(Math.Clamp(days, 1, MaxDays)),
        };
        db.PersonalAccessTokens.Add(stored);
        await db.SaveChangesAsync();
        return (token, stored);
    }

    /// <summary>The user id of a usable token, or null (unknown, expired or revoked).</summary>
    public async Task<string?> UserOfAsync(string token)
    {
        var hash = Hash(token);
        var stored = await db.PersonalAccessTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash);
        return stored is not null && stored.IsUsable(clock.GetUtcNow().UtcDateTime) ? stored.UserId : null;
    }

    public async Task<List<PersonalAccessToken>> ListAsync(string userId) =>
        await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAtUtc).ToListAsync();

    /// <summary>Revokes one of the user's own tokens; false when there is no such token.</summary>
    public async Task<bool> RevokeAsync(string userId, int id)
    {
        var stored = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId);
        if (stored is null)
        {
            return false;
        }

        stored.RevokedAtUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Revokes every token of the user still usable (after a password change); returns how many.</summary>
    public async Task<int> RevokeAllAsync(string userId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.PersonalAccessTokens.Where(t => t.UserId == userId && t.RevokedAtUtc == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAtUtc, now));
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
