using System.Security.Cryptography;
using System.Text;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Common.Specifications;
using Roadmap.Domain.Identity;

namespace Roadmap.Application.Identity.Tokens;

/// <summary>Refresh tokens are 256 random bits given to the client once; only their SHA-256 is stored.</summary>
internal static class RefreshTokenSecrets
{
    public static (string Token, string Hash) New()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

internal sealed class RefreshTokenByHashSpec : Specification<RefreshToken>
{
    public RefreshTokenByHashSpec(string hash) => Query.Where(t => t.TokenHash == hash);
}

/// <summary>The tokens of one family not yet revoked, tracked so they can be revoked.</summary>
internal sealed class RefreshTokenFamilySpec : Specification<RefreshToken>
{
    public RefreshTokenFamilySpec(Guid familyId) => Query.Where(t => t.FamilyId == familyId && t.RevokedAt == null);
}

internal static class RefreshTokenFamilies
{
    /// <summary>Revokes every token descending from the same sign-in as <paramref name="token"/>.</summary>
    public static async Task RevokeFamilyAsync(
        this IRepository<RefreshToken> refreshTokens, RefreshToken token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var member in await refreshTokens.ListAsync(new RefreshTokenFamilySpec(token.FamilyId), cancellationToken))
        {
            member.Revoke(now);
        }
    }
}
