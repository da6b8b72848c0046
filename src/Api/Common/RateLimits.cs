using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Roadmap.Infrastructure.Common;
using Roadmap.Infrastructure.Common.Cluster;

namespace Roadmap.Api.Common;

/// <summary>Rate limits per client address, answered with a 429 problem and <c>Retry-After</c>.</summary>
internal static class RateLimits
{
    /// <summary>Rate limit of the password endpoints (register, login), per client address.</summary>
    public const string Auth = "auth";

    /// <summary>Rate limit of token refreshes, per client address: higher, as every signed-in client refreshes.</summary>
    public const string Refresh = "refresh";

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        // Read now, so a value out of its range stops the start rather than failing the first limited request.
        var auth = Limit(configuration, "RateLimiting:Auth", defaultPermits: 10);
        var refresh = Limit(configuration, "RateLimiting:Refresh", defaultPermits: 60);
        services.AddRateLimiter(o =>
        {
            AddPerClientLimit(o, Auth, auth);
            AddPerClientLimit(o, Refresh, refresh);
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
        return services;
    }

    private static (int Permits, TimeSpan Window) Limit(IConfiguration configuration, string section, int defaultPermits) =>
        (Settings.Number(configuration, $"{section}:PermitLimit", defaultPermits, 1, 1_000_000),
            TimeSpan.FromSeconds(Settings.Number(configuration, $"{section}:WindowSeconds", 60, 1, 86_400)));

    /// <summary>
    /// The client a limit counts: an IPv4 address, or the /64 network of an IPv6 address (one host usually holds a
    /// whole /64, and could take a fresh address for every attempt).
    /// </summary>
    internal static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return $"{new IPAddress(bytes)}/64";
    }

    private static void AddPerClientLimit(RateLimiterOptions options, string policy, (int Permits, TimeSpan Window) limit)
    {
        var (permits, window) = limit;
        options.AddPolicy(policy, http =>
        {
            var client = ClientKey(http.Connection.RemoteIpAddress);

            // With Redis the nodes count together; without it (or while it is down) each node counts alone.
            return http.RequestServices.GetService<ISharedCounters>() is { } shared
                ? RateLimitPartition.Get(client, key => new SharedFixedWindowRateLimiter(
                    shared, $"ratelimit:{policy}:{key}", permits, window, new LocalFixedWindowRateLimiter(permits, window, TimeProvider.System)))
                : RateLimitPartition.Get(client, _ => new LocalFixedWindowRateLimiter(permits, window, TimeProvider.System));
        });
    }
}
