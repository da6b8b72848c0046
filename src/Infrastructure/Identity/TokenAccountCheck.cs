using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Roadmap.Infrastructure.Identity;

/// <summary>
/// After a bearer token is validated: the token says who; the account's current state (<see cref="IAccountStates"/>)
/// says whether that account still exists and which roles it holds now, so a deleted account or a removed role does
/// not wait for the token to expire.
/// </summary>
internal static class TokenAccountCheck
{
    public static async Task OnTokenValidatedAsync(TokenValidatedContext context)
    {
        var subject = context.Principal?.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
        var account = Guid.TryParse(subject, out var userId)
            ? await context.HttpContext.RequestServices.GetRequiredService<IAccountStates>().FindAsync(userId, context.HttpContext.RequestAborted)
            : null;
        if (account is null || context.Principal?.Identity is not ClaimsIdentity identity)
        {
            context.Fail("The token's account does not exist.");
            return;
        }

        foreach (var stale in identity.FindAll(JwtAccessTokenIssuer.RoleClaim).ToList())
        {
            identity.RemoveClaim(stale);
        }

        identity.AddClaims(account.Roles.Select(r => new Claim(JwtAccessTokenIssuer.RoleClaim, r)));
    }
}
