using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
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

    /// <summary>Rate limit of the password endpoints (register, login), per client address.</summary>
    public const string AuthRateLimit = "auth";

    /// <summary>Rate limit of token refreshes, per client address: higher, as every signed-in client refreshes.</summary>
    public const string RefreshRateLimit = "refresh";

    private const string CorsSection = "Cors:AllowedOrigins";

    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthorPolicy, p => p.RequireRole(Roles.Author, Roles.Admin))
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin));

        services.AddRateLimiter(o =>
        {
            AddPerClientLimit(o, AuthRateLimit, configuration.GetSection("RateLimiting:Auth"), defaultPermits: 10);
            AddPerClientLimit(o, RefreshRateLimit, configuration.GetSection("RateLimiting:Refresh"), defaultPermits: 60);
            o.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
                        Detail = "Too many attempts from this client; retry after the time in Retry-After.",
                    },
                });
            };
        });

        // Behind a load balancer the client's address and scheme come from X-Forwarded-* headers, trusted only
        // from the proxies named here (loopback is always trusted).
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        var origins = configuration.GetSection(CorsSection).Get<string[]>() ?? [];
        services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod()
            .WithExposedHeaders("ETag", "Location", "Retry-After")));
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    private static void AddPerClientLimit(RateLimiterOptions options, string policy, IConfiguration section, int defaultPermits)
    {
        var permits = section.GetValue("PermitLimit", defaultPermits);
        var window = TimeSpan.FromSeconds(section.GetValue("WindowSeconds", 60));
        options.AddPolicy(policy, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
    }

    /// <summary>Headers that stop browsers from sniffing, framing or leaking referrers; a strict CSP for the docs page.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set as the response starts, so they survive the exception handler clearing the headers of a failed response.
        context.Response.OnStarting(() =>
        {
            AddSecurityHeaders(context);
            return Task.CompletedTask;
        });
        return next(context);
    });

    private static void AddSecurityHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";

        // Tokens and personal data must not be kept by browsers or shared caches.
        if (context.Request.Path.StartsWithSegments("/api/auth", StringComparison.Ordinal)
            || context.Request.Path.StartsWithSegments("/api/me", StringComparison.Ordinal)
            || context.Request.Path.StartsWithSegments("/api/admin", StringComparison.Ordinal))
        {
            headers.CacheControl = "no-store";
        }
        else if (context.User.CanSeeDrafts() && context.Request.Path.StartsWithSegments("/api/roadmaps", StringComparison.Ordinal))
        {
            // What an Author reads may be a draft: never for a shared cache.
            headers.CacheControl = "private, no-store";
        }

        // The job dashboard moves its prefix to PathBase while it answers.
        var path = context.Request.PathBase.Add(context.Request.Path);
        headers.ContentSecurityPolicy = path.StartsWithSegments("/docs", StringComparison.Ordinal)
            ? "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'"
            : path.StartsWithSegments("/hangfire", StringComparison.Ordinal)
                ? "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'"
                : "default-src 'none'; frame-ancestors 'none'";
    }

    /// <summary>The signed-in user's id (the token's subject).</summary>
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? throw new InvalidOperationException("No subject claim: the endpoint must require authorization."));

    public static bool CanSeeDrafts(this ClaimsPrincipal user) => user.IsInRole(Roles.Author) || user.IsInRole(Roles.Admin);
}
