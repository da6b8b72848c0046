using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Roadmap.Api.Common;

/// <summary>
/// A request whose bearer token fails validation (expired, forged, revoked) is refused with 401 and the bearer
/// challenge (<c>error="invalid_token"</c> and why), even on a route anonymous callers may read: answered as anonymous,
/// an Author whose token expired would be told their draft does not exist rather than to sign in again. Other
/// <c>Authorization</c> headers (a proxy's <c>Basic</c>) are not this service's and are left alone, and so are routes
/// marked <see cref="StaleTokens.IgnoresStaleTokens"/>: a client refreshing its tokens may well still send the expired one.
/// </summary>
internal sealed class InvalidCredentialsMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // The bearer handler keeps its result for the request: asking again validates nothing twice.
        if (context.User.Identity?.IsAuthenticated != true && context.Request.Headers.Authorization.Count > 0
            && context.GetEndpoint()?.Metadata.GetMetadata<StaleTokens.Ignored>() is null
            && (await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme)).Failure is not null)
        {
            await context.ChallengeAsync(JwtBearerDefaults.AuthenticationScheme);
            return;
        }

        await next(context);
    }
}

internal static class StaleTokens
{
    /// <summary>Marks routes that answer whatever bearer token is sent (<see cref="InvalidCredentialsMiddleware"/>).</summary>
    public static TBuilder IgnoresStaleTokens<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(Ignored.Instance);

    internal sealed class Ignored
    {
        public static Ignored Instance { get; } = new();
    }
}
