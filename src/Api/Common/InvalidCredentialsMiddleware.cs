using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Roadmap.Api.Common;

/// <summary>
/// A request that sends credentials which are not valid (an expired, forged or revoked token, another scheme) is
/// refused with 401 and the bearer challenge (<c>error="invalid_token"</c> and why), even on a route anonymous callers
/// may read: answered as anonymous, an Author whose token expired would be told their draft does not exist rather than
/// to sign in again. Except on <c>/api/auth</c>: a client refreshing its tokens may well still send the expired one.
/// </summary>
internal sealed class InvalidCredentialsMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization.Count > 0 && context.User.Identity?.IsAuthenticated != true
            && !context.Request.Path.StartsWithSegments("/api/auth", StringComparison.OrdinalIgnoreCase))
        {
            await context.ChallengeAsync(JwtBearerDefaults.AuthenticationScheme);
            return;
        }

        await next(context);
    }
}
