using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Roadmap.Infrastructure.Common.Cluster;

/// <summary>What an output-cache policy puts in an entry's key to say where the entry may be kept.</summary>
public static class OutputCacheEntries
{
    /// <summary>
    /// A vary-by value for entries no other node could look up (their keys are the process's own): with Redis they are
    /// kept in this node's memory all the same, rather than filling the shared store with copies nobody else reads.
    /// Random per process, so no path a client asks for can contain it.
    /// </summary>
    public static readonly string ThisNodeOnly = $"this-node-only-{Guid.NewGuid():N}";

    internal static bool IsThisNodeOnly(string key) => key.Contains(ThisNodeOnly, StringComparison.Ordinal);
}

/// <summary>
/// The output cache every node shares (ASP.NET Core's Redis store), with this node's memory as the fallback: while
/// Redis is unreachable, entries are read and stored in memory (a fresh store for each outage, so nothing from an
/// earlier one is served) and never an error reaches the request. Evictions always clear the memory too; one that
/// could not reach Redis is kept and sent once the connection is back, so Redis never keeps an entry a change dropped.
/// </summary>
internal sealed class FallbackOutputCacheStore : IOutputCacheStore, IDisposable
{
    private const string Fallback = "the output cache is this node's memory";

    private readonly RedisConnection _connection;
    private readonly ServiceProvider _sharedServices;
    private readonly IOutputCacheStore _shared;
    private readonly ConcurrentDictionary<string, byte> _pendingEvictions = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private (ServiceProvider Services, IOutputCacheStore Store)? _local;

    public FallbackOutputCacheStore(RedisConnection connection, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;

        // ASP.NET Core's stores are internal types: each is built by its own registration method in a private container.
        var services = new ServiceCollection();
        services.AddOptions();
        services.AddSingleton(loggerFactory);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddStackExchangeRedisOutputCache(o =>
        {
            o.InstanceName = $"{connection.Prefix}output:";
            o.ConnectionMultiplexerFactory = async () => await connection.MultiplexerAsync();
        });
        _sharedServices = services.BuildServiceProvider();
        _shared = _sharedServices.GetRequiredService<IOutputCacheStore>();
        connection.Restored += OnRestored;
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_connection.IsConnected && !OutputCacheEntries.IsThisNodeOnly(key))
        {
            try
            {
                return await _shared.GetAsync(key, cancellationToken);
            }
            catch (Exception e) when (RedisConnection.IsRedisFailure(e))
            {
                _connection.Warn(Fallback, e);
            }
        }

        return await Local().GetAsync(key, cancellationToken);
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_connection.IsConnected && !OutputCacheEntries.IsThisNodeOnly(key))
        {
            try
            {
                // Missed evictions first: they are of entries older than this one, which must stay.
                await SendPendingEvictionsAsync();
                await _shared.SetAsync(key, value, tags, validFor, cancellationToken);
                await FlushAsync();
                return;
            }
            catch (Exception e) when (RedisConnection.IsRedisFailure(e))
            {
                _connection.Warn(Fallback, e);
            }
        }

        await Local().SetAsync(key, value, tags, validFor, cancellationToken);
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        if (CurrentLocal() is { } local)
        {
            await local.EvictByTagAsync(tag, cancellationToken);
        }

        if (await TryEvictSharedAsync(tag, cancellationToken))
        {
            await SendPendingEvictionsAsync();
        }
        else
        {
            _pendingEvictions.TryAdd(tag, 0);
        }
    }

    public void Dispose()
    {
        _connection.Restored -= OnRestored;
        _sharedServices.Dispose();
        _local?.Services.Dispose();
    }

    private async Task<bool> TryEvictSharedAsync(string tag, CancellationToken cancellationToken)
    {
        if (!_connection.IsConnected)
        {
            _connection.Warn("an eviction waits for Redis to be back; other nodes may serve the old entry until then");
            return false;
        }

        try
        {
            await _shared.EvictByTagAsync(tag, cancellationToken);
            await FlushAsync();
            return true;
        }
        catch (Exception e) when (RedisConnection.IsRedisFailure(e))
        {
            _connection.Warn("an eviction waits for Redis to be back; other nodes may serve the old entry until then", e);
            return false;
        }
    }

    /// <summary>
    /// ASP.NET Core's Redis store sends an entry's tags and an eviction's deletes without waiting for them (fire and
    /// forget). Redis runs one connection's commands in order, so once a PING on that connection is answered they have
    /// run: an eviction is complete before the change's response leaves this node, and a stored entry's tags are there
    /// for another node's eviction.
    /// </summary>
    private async Task FlushAsync()
    {
        if (await _connection.DatabaseAsync() is { } database)
        {
            await database.PingAsync();
        }
    }

    /// <summary>
    /// Sends the evictions Redis missed. Run once the connection is back, and after any call that reached Redis: a
    /// command that timed out while the connection stayed up (a stall) brings no reconnection to wait for.
    /// </summary>
    private async Task SendPendingEvictionsAsync()
    {
        if (_pendingEvictions.IsEmpty)
        {
            return;
        }

        foreach (var tag in _pendingEvictions.Keys)
        {
            if (await TryEvictSharedAsync(tag, CancellationToken.None))
            {
                _pendingEvictions.TryRemove(tag, out _);
            }
        }
    }

    /// <summary>Back on Redis: send the evictions it missed; the memory of this outage is dropped.</summary>
    private void OnRestored()
    {
        _ = Task.Run(SendPendingEvictionsAsync);
        // Dropped, not disposed: a request may still be reading it; it holds no timer or connection.
        lock (_gate)
        {
            _local = null;
        }
    }

    private IOutputCacheStore? CurrentLocal()
    {
        lock (_gate)
        {
            return _local?.Store;
        }
    }

    private IOutputCacheStore Local()
    {
        lock (_gate)
        {
            if (_local is null)
            {
                var collection = new ServiceCollection();
                collection.AddOptions();
                collection.AddOutputCache();
                var services = collection.BuildServiceProvider();
                _local = (services, services.GetRequiredService<IOutputCacheStore>());
            }

            return _local.Value.Store;
        }
    }
}
