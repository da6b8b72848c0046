using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Roadmap.Infrastructure.Common.Cluster;

/// <summary>
/// Messages to every other node of the deployment (Redis pub/sub): "this account changed", "this roadmap changed".
/// Delivery is at most once: a node that was disconnected when one was sent misses it, so each handler also says how
/// to make up for what it may have missed (<see cref="INodeMessageHandler.Resync"/>). Without Redis, nothing is sent.
/// </summary>
public interface INodeMessages
{
    /// <summary>Sends <paramref name="message"/> on <paramref name="topic"/> without waiting; a failure is logged.</summary>
    void Publish(string topic, string message);
}

/// <summary>Receives one topic's messages from the other nodes (never this node's own).</summary>
public interface INodeMessageHandler
{
    string Topic { get; }

    void Handle(string message);

    /// <summary>Called once the connection is back after an outage: messages of that time may have been missed.</summary>
    void Resync();
}

/// <summary>A single node, or Redis not configured: there is no other node to tell.</summary>
internal sealed class NoNodeMessages : INodeMessages
{
    public void Publish(string topic, string message)
    {
    }
}

/// <summary>Publishes through Redis, prefixed with this node's id.</summary>
internal sealed class RedisNodeMessages(RedisConnection connection) : INodeMessages
{
    public const char Separator = '|';

    public void Publish(string topic, string message)
    {
        _ = PublishAsync(topic, message);
    }

    public static RedisChannel Channel(RedisConnection connection, string topic) => RedisChannel.Literal($"{connection.Prefix}{topic}");

    private async Task PublishAsync(string topic, string message)
    {
        var fallback = $"a '{topic}' message did not reach the other nodes; they act on it when their entries expire";
        try
        {
            var multiplexer = await connection.MultiplexerAsync();
            if (!multiplexer.IsConnected)
            {
                connection.Warn(fallback);
                return;
            }

            await multiplexer.GetSubscriber().PublishAsync(Channel(connection, topic), $"{connection.NodeId}{Separator}{message}");
        }
        catch (Exception e) when (RedisConnection.IsRedisFailure(e))
        {
            connection.Warn(fallback, e);
        }
    }
}

/// <summary>From start to stop, delivers other nodes' messages to the handlers of their topics.</summary>
internal sealed partial class NodeMessageSubscriptions(
    RedisConnection connection, IEnumerable<INodeMessageHandler> handlers, ILogger<NodeMessageSubscriptions> logger) : IHostedService
{
    private readonly IReadOnlyList<INodeMessageHandler> _handlers = [.. handlers];
    private readonly HashSet<string> _subscribed = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _subscribing = new(1, 1);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        connection.Restored += OnRestored;
        await SubscribeAsync();
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        connection.Restored -= OnRestored;
        return Task.CompletedTask;
    }

    /// <summary>Subscribes every topic not yet subscribed; those failing now are tried again when the connection is back.</summary>
    private async Task SubscribeAsync()
    {
        await _subscribing.WaitAsync();
        try
        {
            var subscriber = (await connection.MultiplexerAsync()).GetSubscriber();
            foreach (var group in _handlers.GroupBy(h => h.Topic, StringComparer.Ordinal).Where(g => !_subscribed.Contains(g.Key)))
            {
                var topicHandlers = group.ToList();
                try
                {
                    await subscriber.SubscribeAsync(RedisNodeMessages.Channel(connection, group.Key), (_, value) => Deliver(topicHandlers, value));
                    _subscribed.Add(group.Key);
                }
                catch (Exception e) when (RedisConnection.IsRedisFailure(e))
                {
                    connection.Warn($"not subscribed to '{group.Key}' yet; retried when Redis is back", e);
                }
            }
        }
        finally
        {
            _subscribing.Release();
        }
    }

    private void OnRestored()
    {
        _ = Task.Run(async () =>
        {
            await SubscribeAsync();
            foreach (var handler in _handlers)
            {
                handler.Resync();
            }
        });
    }

    private void Deliver(IReadOnlyList<INodeMessageHandler> topicHandlers, RedisValue value)
    {
        var text = (string?)value ?? string.Empty;
        var separator = text.IndexOf(RedisNodeMessages.Separator, StringComparison.Ordinal);
        if (separator < 0 || text.AsSpan(0, separator).SequenceEqual(connection.NodeId))
        {
            return;
        }

        foreach (var handler in topicHandlers)
        {
            try
            {
                handler.Handle(text[(separator + 1)..]);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                LogMalformed(logger, handler.Topic, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a malformed '{Topic}' message from another node")]
    private static partial void LogMalformed(ILogger logger, string topic, Exception exception);
}
