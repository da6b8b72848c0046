using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.IdentityModel.JsonWebTokens;
using Roadmap.Domain.Identity;

namespace Roadmap.Api.Common;

/// <summary>Authorization policies, rate limits, CORS and security headers.</summary>
internal static class Security
{
    /// <summary>Authors and Admins: writing the catalog and reading drafts.</summary>
    public const string AuthorPolicy = "Author";

    public const string AdminPolicy = "Admin";

    /// <summary>Rate limit of the anonymous account endpoints (register, login, refresh), per client address.</summary>
    public const string AuthRateLimit = "auth";

    private const string CorsSection = "Cors:AllowedOrigins";

    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthorPolicy, p => p.RequireRole(Roles.Author, Roles.Admin))
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin));

        var limits = configuration.GetSection("RateLimiting:Auth");
        var permits = limits.GetValue("PermitLimit", 10);
        var window = TimeSpan.FromSeconds(limits.GetValue("WindowSeconds", 60));
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(AuthRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
            o.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Detail = "Too many attempts from this client; retry after the time in Retry-After.",
                    },
                });
            };
        });

        var origins = configuration.GetSection(CorsSection).Get<string[]>() ?? [];
        services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod()
            .WithExposedHeaders("ETag", "Location", "Retry-After")));
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>Headers that stop browsers from sniffing, framing or leaking referrers; a strict CSP for the docs page.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/docs", StringComparison.Ordinal)
            ? "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'"
            : "default-src 'none'; frame-ancestors 'none'";
        return next(context);
    });

    /// <summary>The signed-in user's id (the token's subject).</summary>
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? throw new InvalidOperationException("No subject claim: the endpoint must require authorization."));

    public static bool CanSeeDrafts(this ClaimsPrincipal user) => user.IsInRole(Roles.Author) || user.IsInRole(Roles.Admin);
}
