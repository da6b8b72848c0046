using StackExchange.Redis;

namespace Roadmap.Infrastructure.Common.Cluster;

/// <summary>A fixed-window count shared by every node: how many so far, and when the window ends.</summary>
public readonly record struct SharedCount(long Count, TimeSpan ResetsIn);

/// <summary>Counters every node increments together (rate limits across nodes). Registered only with Redis.</summary>
public interface ISharedCounters
{
    /// <summary>
    /// Adds one to <paramref name="name"/>'s count in the current window (which starts with the first increment and
    /// lasts <paramref name="window"/>). Null when Redis cannot answer now: the caller counts on its own.
    /// </summary>
    ValueTask<SharedCount?> IncrementAsync(string name, TimeSpan window, CancellationToken cancellationToken);
}

internal sealed class RedisSharedCounters(RedisConnection connection) : ISharedCounters
{
    /// <summary>
    /// INCR and the window's expiry in one atomic step, so a node dying between them cannot leave a count that never
    /// expires (which would refuse that client for good).
    /// </summary>
    private const string IncrementScript = """
        local count = redis.call('INCR', KEYS[1])
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          ttl = tonumber(ARGV[1])
        end
        return {count, ttl}
        """;

    public async ValueTask<SharedCount?> IncrementAsync(string name, TimeSpan window, CancellationToken cancellationToken)
    {
        try
        {
            var database = await connection.DatabaseAsync();
            if (database is null)
            {
                connection.Warn("rate limits count on each node alone");
                return null;
            }

            var result = (RedisResult[])(await database.ScriptEvaluateAsync(
                IncrementScript, [(RedisKey)$"{connection.Prefix}count:{name}"], [(long)window.TotalMilliseconds]))!;
            return new SharedCount((long)result[0], TimeSpan.FromMilliseconds((long)result[1]));
        }
        catch (Exception e) when (RedisConnection.IsRedisFailure(e))
        {
            connection.Warn("rate limits count on each node alone", e);
            return null;
        }
    }
}
