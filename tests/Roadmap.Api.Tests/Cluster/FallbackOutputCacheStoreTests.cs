using FluentAssertions;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Roadmap.Infrastructure.Common.Cluster;

namespace Roadmap.Api.Tests.Cluster;

/// <summary>The output cache store: shared through Redis, this node's memory while Redis does not answer.</summary>
public sealed class FallbackOutputCacheStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_an_answering_Redis_entries_are_kept_and_evicted_in_memory()
    {
        await using var connection = Connection($"127.0.0.1:{TestRedis.FreePort()},connectTimeout=300", "unused:");
        await connection.MultiplexerAsync();
        using var store = new FallbackOutputCacheStore(connection, NullLoggerFactory.Instance);
        IOutputCacheStore cache = store;

        await cache.SetAsync("key", [1, 2, 3], ["tag"], TimeSpan.FromMinutes(1), Ct);
        var kept = await cache.GetAsync("key", Ct);
        await cache.EvictByTagAsync("tag", Ct);
        var evicted = await cache.GetAsync("key", Ct);

        kept.Should().Equal(1, 2, 3);
        evicted.Should().BeNull();
    }

    [Fact]
    public async Task With_Redis_an_entry_stored_by_one_node_is_read_and_evicted_by_another()
    {
        await using var nodes = await TwoNodes.StartAsync();
        IOutputCacheStore first = nodes.First, second = nodes.Second;

        // Many times over: the store sends tags and deletes without waiting, so a race would show within a few rounds.
        for (var round = 0; round < 100; round++)
        {
            var (key, tag) = ($"key-{round}", $"tag-{round}");
            await first.SetAsync(key, [4, 5], [tag], TimeSpan.FromMinutes(1), Ct);
            await second.EvictByTagAsync(tag, Ct);
            var evicted = await first.GetAsync(key, Ct);
            await second.SetAsync(key, [6], [tag], TimeSpan.FromMinutes(1), Ct);
            var shared = await first.GetAsync(key, Ct);

            evicted.Should().BeNull("round {0}: the eviction through the second node had run when it returned", round);
            shared.Should().Equal([6], "round {0}: stored through the second node, read through the first", round);
        }
    }

    [Fact]
    public async Task With_Redis_an_entry_only_this_node_can_look_up_stays_in_its_memory()
    {
        await using var nodes = await TwoNodes.StartAsync();
        IOutputCacheStore first = nodes.First, second = nodes.Second;
        var key = $"GET/api/me/roadmaps/r/progress{OutputCacheEntries.ThisNodeOnly}";

        await first.SetAsync(key, [7], null, TimeSpan.FromMinutes(1), Ct);

        (await first.GetAsync(key, Ct)).Should().Equal([7]);
        (await second.GetAsync(key, Ct)).Should().BeNull("the entry never went to Redis");
        var keys = (await nodes.FirstConnection.MultiplexerAsync()).GetServers()[0].Keys(pattern: $"{nodes.Prefix}*").ToList();
        keys.Should().BeEmpty();
    }

    private static RedisConnection Connection(string configuration, string prefix) =>
        new(Options.Create(new RedisOptions { Configuration = configuration, InstanceName = prefix }), NullLogger<RedisConnection>.Instance);

    /// <summary>Two nodes' stores on the test Redis, under a key prefix of their own (the test is skipped without Redis).</summary>
    private sealed class TwoNodes : IAsyncDisposable
    {
        private TwoNodes(string prefix, RedisConnection firstConnection, RedisConnection secondConnection)
        {
            Prefix = prefix;
            FirstConnection = firstConnection;
            SecondConnection = secondConnection;
            First = new FallbackOutputCacheStore(firstConnection, NullLoggerFactory.Instance);
            Second = new FallbackOutputCacheStore(secondConnection, NullLoggerFactory.Instance);
        }

        public string Prefix { get; }

        public RedisConnection FirstConnection { get; }

        public RedisConnection SecondConnection { get; }

        public FallbackOutputCacheStore First { get; }

        public FallbackOutputCacheStore Second { get; }

        public static async Task<TwoNodes> StartAsync()
        {
            var redis = TestRedis.Configuration(out var skip);
            Assert.SkipWhen(redis is null, skip);
            var prefix = $"roadmap-test-{Guid.NewGuid():N}:";
            var nodes = new TwoNodes(prefix, Connection(redis!, prefix), Connection(redis!, prefix));
            await nodes.FirstConnection.MultiplexerAsync();
            await nodes.SecondConnection.MultiplexerAsync();
            return nodes;
        }

        public async ValueTask DisposeAsync()
        {
            First.Dispose();
            Second.Dispose();
            await FirstConnection.DisposeAsync();
            await SecondConnection.DisposeAsync();
        }
    }
}
