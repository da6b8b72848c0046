namespace Roadmap.Infrastructure.Common.Cluster;

/// <summary>
/// The Redis that nodes share (<c>Redis:*</c>). Without <see cref="Configuration"/> every node keeps its own output
/// cache, rate-limit counters and account cache, as a single node does.
/// </summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>A StackExchange.Redis configuration string (<c>host:port,password=...</c>); empty: no Redis.</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every key and channel, so several deployments (or test runs) can share one Redis.</summary>
    public string InstanceName { get; set; } = "roadmap:";

    /// <summary>How long a Redis command may take before the node acts on its own for that request.</summary>
    public int TimeoutMilliseconds { get; set; } = 1_000;

    public bool Enabled => !string.IsNullOrWhiteSpace(Configuration);
}
