using System.Security.Cryptography;
using System.Text;

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
