using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Identity.Contracts;

namespace Roadmap.Infrastructure.Identity;

/// <summary>Signs short-lived access tokens (HMAC-SHA256) carrying the user's id and roles.</summary>
internal sealed class JwtAccessTokenIssuer(IOptions<AuthOptions> options, SymmetricSecurityKey key, IClock clock) : IAccessTokenIssuer
{
    /// <summary>Short claim names in the token; validation maps nothing and reads roles from this claim.</summary>
    public const string RoleClaim = "role";

    private readonly JsonWebTokenHandler _handler = new();

    public TimeSpan RefreshTokenLifetime => TimeSpan.FromDays(options.Value.RefreshTokenDays);

    public AccessToken Issue(UserProfileDto user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.UtcNow.UtcDateTime;
        var lifetime = TimeSpan.FromMinutes(options.Value.AccessTokenMinutes);
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            new(JwtRegisteredClaimNames.Email, user.Email),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(RoleClaim, r)));
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        return new AccessToken(token, (int)lifetime.TotalSeconds);
    }
}
