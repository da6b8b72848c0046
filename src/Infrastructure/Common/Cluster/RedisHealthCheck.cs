using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Roadmap.Infrastructure.Common.Cluster;

/// <summary>
/// Redis answers a PING. Without Redis a node still serves (its own cache and counters), so an unreachable Redis makes
/// the node Degraded, not Unhealthy: readiness stays 200 and a load balancer keeps sending it requests.
/// </summary>
internal sealed class RedisHealthCheck(RedisConnection connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        const string degraded = "Redis is unreachable: output cache, rate limits and account evictions are per node.";
        try
        {
            var database = await connection.DatabaseAsync();
            if (database is null)
            {
                return HealthCheckResult.Degraded(degraded);
            }

            await database.PingAsync();
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (RedisConnection.IsRedisFailure(e))
        {
            return HealthCheckResult.Degraded(degraded, e);
        }
    }
}
