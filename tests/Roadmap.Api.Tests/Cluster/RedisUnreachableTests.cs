using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Domain.Common;

namespace Roadmap.Api.Tests.Cluster;

/// <summary>
/// A node configured with a Redis that does not answer (nothing listens on its port) starts and serves on its own:
/// its memory caches, it counts rate limits alone, and readiness says Redis is Degraded — never an error.
/// </summary>
public abstract class RedisUnreachableTests<TFactory>(TFactory factory) : ApiTestBase<TFactory>(factory)
    where TFactory : RoadmapApiFactory
{
    [Fact]
    public async Task Requests_succeed_and_readiness_reports_Redis_degraded()
    {
        using var client = Client();
        var reads = await RedisClusterTests.ReadUntilCached(client, "/api/roadmaps/backend-developer");
        var failedSignIn = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.org", password = "a wrong password" }, Ct);
        using var author = await SignIn(Roles.Author);
        var drafts = await author.Client.GetAsync("/api/roadmaps?status=Draft", Ct);
        var ready = await client.GetAsync("/health/ready", Ct);

        reads.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        reads[^1].Headers.Age.Should().NotBeNull("the node caches in its own memory");
        failedSignIn.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        drafts.StatusCode.Should().Be(HttpStatusCode.OK);
        ready.StatusCode.Should().Be(HttpStatusCode.OK, "a node without Redis still serves: Degraded, not Unhealthy");
        var report = await ReadJson(ready);
        report.GetProperty("status").GetString().Should().Be("Degraded");
        report.GetProperty("checks").EnumerateArray().Should()
            .ContainSingle(c => c.GetProperty("name").GetString() == "redis" && c.GetProperty("status").GetString() == "Degraded");

        // Rate limits count on the node alone: three attempts so far (a failed sign-in, the Author's register and login).
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 3; attempt <= UnreachableRedis.AuthLimit; attempt++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.org", password = "a wrong password" }, Ct)).StatusCode);
        }

        statuses.Should().HaveCount(UnreachableRedis.AuthLimit - 2);
        statuses.SkipLast(1).Should().OnlyContain(s => s == HttpStatusCode.Unauthorized);
        statuses[^1].Should().Be(HttpStatusCode.TooManyRequests);
    }
}

public static class UnreachableRedis
{
    /// <summary>Register and login attempts per client address a test reaches.</summary>
    public const int AuthLimit = 8;

    public static void Configure(RoadmapApiFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        factory.Set("Redis:Configuration", $"127.0.0.1:{TestRedis.FreePort()},connectTimeout=500");
        factory.Set("RateLimiting:Auth:PermitLimit", AuthLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class UnreachableRedisSqliteFactory : SqliteApiFactory
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        UnreachableRedis.Configure(this);
    }
}

public sealed class UnreachableRedisPostgresFactory : PostgresApiFactory
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        UnreachableRedis.Configure(this);
    }
}

public sealed class RedisUnreachableTests_Sqlite(UnreachableRedisSqliteFactory factory) : RedisUnreachableTests<UnreachableRedisSqliteFactory>(factory);

public sealed class RedisUnreachableTests_Postgres(UnreachableRedisPostgresFactory factory) : RedisUnreachableTests<UnreachableRedisPostgresFactory>(factory);
