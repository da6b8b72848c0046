using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Roadmap.Api.Common;

/// <summary>Where requests come from: trusted proxies (X-Forwarded-*), browser origins (CORS) and HSTS.</summary>
internal static class ProxiesAndCors
{
    private const string CorsSection = "Cors:AllowedOrigins";

    public static IServiceCollection AddProxiesAndCors(this IServiceCollection services, IConfiguration configuration)
    {
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
}
