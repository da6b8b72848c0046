using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Roadmap.Infrastructure.Common.Cluster;

/// <summary>
/// This node's one connection to the shared Redis. It never blocks the start and never waits for Redis: while Redis
/// is unreachable, commands fail at once (<see cref="BacklogPolicy.FailFast"/>), callers fall back to this node's own
/// state, and the connection keeps retrying in the background. Losing and regaining it is logged.
/// </summary>
internal sealed partial class RedisConnection : IAsyncDisposable
{
    /// <summary>A failing command is logged at most this often, so an outage does not flood the log.</summary>
    private static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(30);

    private readonly ILogger<RedisConnection> _logger;
    private readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer;
    private long _lastWarningTicks;

    public RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        var settings = options.Value;
        Prefix = settings.InstanceName;
        _multiplexer = new(() => ConnectAsync(settings));
    }

    /// <summary>Identifies this process in messages to every node, so it can skip its own.</summary>
    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Prefix of every key and channel.</summary>
    public string Prefix { get; }

    /// <summary>Raised when a lost connection is back: what was missed meanwhile (messages, evictions) can be made up.</summary>
    public event Action? Restored;

    public Task<ConnectionMultiplexer> MultiplexerAsync() => _multiplexer.Value;

    /// <summary>The database when the connection is up; null when it is not (the caller acts on its own).</summary>
    public async ValueTask<IDatabase?> DatabaseAsync()
    {
        var multiplexer = await _multiplexer.Value;
        return multiplexer.IsConnected ? multiplexer.GetDatabase() : null;
    }

    public bool IsConnected => _multiplexer.IsValueCreated && _multiplexer.Value.IsCompletedSuccessfully && _multiplexer.Value.Result.IsConnected;

    /// <summary>Logs that Redis failed a command and what the node does instead; at most once per 30 s.</summary>
    public void Warn(string fallback, Exception? exception = null)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastWarningTicks);
        if (last != 0 && now - last < WarningInterval.TotalMilliseconds || Interlocked.CompareExchange(ref _lastWarningTicks, now, last) != last)
        {
            return;
        }

        LogUnavailable(_logger, fallback, exception?.GetType().Name ?? "not connected", exception is RedisException or TimeoutException ? null : exception);
    }

    public static bool IsRedisFailure(Exception exception) => exception is RedisException or TimeoutException or ObjectDisposedException;

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated && _multiplexer.Value.IsCompletedSuccessfully)
        {
            await _multiplexer.Value.Result.DisposeAsync();
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(RedisOptions settings)
    {
        var configuration = ConfigurationOptions.Parse(settings.Configuration!);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;

        // Reconnect attempts a second apart (the client's default backs off to 10 s): each of the two connections —
        // commands, and the subscriptions that carry other nodes' messages — is back within about a second of Redis.
        configuration.ReconnectRetryPolicy = new LinearRetry(1_000);
        if (!settings.Configuration!.Contains("connectTimeout", StringComparison.OrdinalIgnoreCase))
        {
            // A node starting while Redis is down waits this long once, then serves on its own.
            configuration.ConnectTimeout = 2_000;
        }

        configuration.SyncTimeout = settings.TimeoutMilliseconds;
        configuration.AsyncTimeout = settings.TimeoutMilliseconds;
        configuration.ClientName ??= $"roadmap-{NodeId[..8]}";
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration);
        multiplexer.ConnectionFailed += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive)
            {
                LogLost(_logger, e.FailureType.ToString());
            }
        };
        multiplexer.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive)
            {
                LogRestored(_logger);
            }

            // Both connections: messages travel on one, evictions on the other; making up twice costs little.
            Restored?.Invoke();
        };
        if (!multiplexer.IsConnected)
        {
            LogLost(_logger, "unreachable at start");
        }

        return multiplexer;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis connection lost ({FailureType}): output cache, rate limits and account evictions are per node until it is back")]
    private static partial void LogLost(ILogger logger, string failureType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis connection restored: output cache, rate limits and account evictions are shared again")]
    private static partial void LogRestored(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis unavailable ({Reason}): {Fallback}")]
    private static partial void LogUnavailable(ILogger logger, string fallback, string reason, Exception? exception);
}
