using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Roadmap.Infrastructure.Common.Cluster;

internal static class ClusterModule
{
    /// <summary>
    /// With <c>Redis:Configuration</c>: the output cache, rate-limit counters and messages between nodes go through
    /// Redis, and readiness reports it. Without it, nothing is shared and a node behaves as a single node does.
    /// </summary>
    public static void AddCluster(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RedisOptions>(configuration.GetSection(RedisOptions.SectionName));
        var options = Settings.Read<RedisOptions>(configuration, RedisOptions.SectionName);
        Settings.InRange($"{RedisOptions.SectionName}:{nameof(RedisOptions.TimeoutMilliseconds)}", options.TimeoutMilliseconds, 1, 60_000);
        if (!options.Enabled)
        {
            services.AddSingleton<INodeMessages, NoNodeMessages>();
            return;
        }

        services.AddSingleton<RedisConnection>();
        services.AddSingleton<INodeMessages, RedisNodeMessages>();
        services.AddHostedService<NodeMessageSubscriptions>();
        services.AddSingleton<ISharedCounters, RedisSharedCounters>();

        // Before the Api's AddOutputCache, whose in-memory store is registered only if no store is.
        services.AddSingleton<IOutputCacheStore, FallbackOutputCacheStore>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
    }
}
