using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Roadmap.Infrastructure.Common;

namespace Roadmap.Api.Common;

/// <summary>Where requests come from: trusted proxies (X-Forwarded-*), browser origins (CORS) and HSTS.</summary>
internal static class ProxiesAndCors
{
    private const string CorsSection = "Cors:AllowedOrigins";

    public static IServiceCollection AddProxiesAndCors(this IServiceCollection services, IConfiguration configuration)
    {
        // Behind a load balancer the client's address and scheme come from X-Forwarded-* headers, trusted only
        // from the proxies named here (loopback is always trusted).
        // Read now, so an address that is not one stops the start in one line rather than failing the first request.
        var proxies = (configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            .Select(proxy => IPAddress.TryParse(proxy, out var address) ? address
                : throw new InvalidConfigurationException($"ForwardedHeaders:KnownProxies holds '{proxy}', which is not an IP address."))
            .ToList();
        var networks = (configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            .Select(network => System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                : throw new InvalidConfigurationException($"ForwardedHeaders:KnownNetworks holds '{network}', which is not a network in CIDR notation (10.0.0.0/8)."))
            .ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });

        var origins = configuration.GetSection(CorsSection).Get<string[]>() ?? [];
        services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod()
            .WithExposedHeaders("ETag", "Location", "Retry-After")));
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return services;
    }
}
