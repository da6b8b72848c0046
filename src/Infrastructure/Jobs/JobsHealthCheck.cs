using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Roadmap.Infrastructure.Jobs;

/// <summary>
/// Ready when the job storage answers and, unless this node runs no job server, this node's server is registered
/// there with a recent heartbeat (Hangfire has no health check of its own; its monitoring API lists servers).
/// </summary>
internal sealed class JobsHealthCheck(
    JobStorage storage,
    JobServerIdentity identity,
    IOptions<JobsOptions> options,
    TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(30);

    /// <summary>Four missed heartbeats: the server is stuck or cannot write to the storage.</summary>
    public static readonly TimeSpan MaxHeartbeatAge = 4 * HeartbeatInterval;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IList<Hangfire.Storage.Monitoring.ServerDto> servers;
        try
        {
            // The monitoring API is synchronous; keep the request thread free while it reads the storage.
            servers = await Task.Run(() => storage.GetMonitoringApi().Servers(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The job storage cannot be read.", ex);
        }

        if (!options.Value.Enabled)
        {
            return HealthCheckResult.Healthy("This node runs no job server (Jobs:Enabled is false).");
        }

        var server = servers.FirstOrDefault(s => identity.Owns(s.Name));
        if (server is null)
        {
            return HealthCheckResult.Unhealthy($"This node's job server ({identity.Name}) is not running.");
        }

        // Hangfire stores heartbeats in UTC.
        var heartbeat = server.Heartbeat is { } beat ? new DateTimeOffset(DateTime.SpecifyKind(beat, DateTimeKind.Utc)) : (DateTimeOffset?)null;
        return heartbeat is not null && time.GetUtcNow() - heartbeat <= MaxHeartbeatAge
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"This node's job server ({identity.Name}) last sent a heartbeat at {heartbeat:O}.");
    }
}
