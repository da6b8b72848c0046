using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Roadmap.Domain.Common;

namespace Roadmap.Api.Common;

/// <summary>
/// What the bearer token (validated by the JWT handler Infrastructure configures) says about the caller.
/// </summary>
internal static class CurrentUserClaims
{
    /// <summary>The signed-in user's id (the token's subject).</summary>
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? throw new InvalidOperationException("No subject claim: the endpoint must require authorization."));

    public static bool CanSeeDrafts(this ClaimsPrincipal user) => Roles.DraftReaders.Any(user.IsInRole);
}
