using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using FluentAssertions;
using Npgsql;
using Roadmap.Api.Common;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Api.Tests.Jobs;
using Roadmap.Application.Insights.Contracts;

namespace Roadmap.Api.Tests.Cluster;

/// <summary>
/// The database goes away under a running node (a relay to PostgreSQL is cut: pooled connections break, new ones are
/// refused) and comes back: meanwhile readiness is 503 and every request that needs the database is a 503 problem with
/// Retry-After, never a 500; afterwards the node serves again without a restart and nothing written before is lost.
/// </summary>
public sealed class DatabaseOutageTests(DatabaseOutagePostgresFactory factory) : ApiTestBase<DatabaseOutagePostgresFactory>(factory)
{
    private const string Slug = "backend-developer";

    [Fact]
    public async Task While_the_database_is_down_requests_get_503_with_Retry_After_and_afterwards_the_node_serves_again()
    {
        using var anonymous = Client();
        using var learner = await SignIn();
        (await learner.Client.PostAsJsonAsync("/api/me/enrollments", new { roadmap = Slug }, Json, Ct)).EnsureSuccessStatusCode();
        var topics = (await ReadJson(await learner.Client.GetAsync($"/api/me/roadmaps/{Slug}/progress", Ct)))
            .GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("topic").GetString()!).ToList();
        (await Put(learner, topics[0])).StatusCode.Should().Be(HttpStatusCode.OK);

        Factory.Proxy!.Cut();
        var ready = await anonymous.GetAsync("/health/ready", Ct);
        var during = new List<(string What, HttpResponseMessage Response)>
        {
            ("progress read", await learner.Client.GetAsync($"/api/me/roadmaps/{Slug}/progress", Ct)),
            ("progress write", await Put(learner, topics[1])),
            ("stats read", await learner.Client.GetAsync($"/api/me/roadmaps/{Slug}/stats", Ct)),
            ("catalog list", await anonymous.GetAsync("/api/roadmaps?page=2", Ct)),
            ("sign-in", await anonymous.PostAsJsonAsync("/api/auth/login", new { email = learner.Email, password = learner.Password }, Ct)),
        };

        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        foreach (var (what, response) in during)
        {
            response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, what);
            response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", what);
            response.Headers.RetryAfter?.Delta.Should().Be(TimeSpan.FromSeconds(GlobalExceptionHandler.RetryAfterSeconds), what);
            (await ReadJson(response)).GetProperty("code").GetString().Should().Be("database_unavailable", what);
        }

        Factory.Proxy.Restore();
        (await Eventually.Until(() => anonymous.GetAsync("/health/ready", Ct), r => r.StatusCode == HttpStatusCode.OK, Ct))
            .StatusCode.Should().Be(HttpStatusCode.OK, "the node reconnects by itself");
        (await Put(learner, topics[1])).StatusCode.Should().Be(HttpStatusCode.OK);
        var progress = await ReadJson(await learner.Client.GetAsync($"/api/me/roadmaps/{Slug}/progress", Ct));
        progress.GetProperty("topics").EnumerateArray().Count(t => t.GetProperty("status").GetString() == "Done")
            .Should().Be(2, "the write before the outage is kept, and the one after it is added");
        // At once, or, when a drain was cut off mid-run, once its lock has timed out and a drain runs again (the
        // minute job, or the cut-off job's retry).
        var stats = await Eventually.Until(
            async () => await Read<RoadmapStatsDto>(await learner.Client.GetAsync($"/api/me/roadmaps/{Slug}/stats", Ct)), s => s.Done == 2, Ct,
            TimeSpan.FromSeconds(100));
        stats.Done.Should().Be(2, "the stats job runs again once the database is back");
    }

    [Fact]
    public void Unreachable_database_errors_are_told_from_bugs()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:1", new SocketException((int)SocketError.ConnectionRefused));
        GlobalExceptionHandler.IsDatabaseUnavailable(refused).Should().BeTrue();
        GlobalExceptionHandler.IsDatabaseUnavailable(new InvalidOperationException("transient failure", refused)).Should().BeTrue("EF Core wraps it");
        GlobalExceptionHandler.IsDatabaseUnavailable(new NpgsqlException("Exception while reading from stream", new TimeoutException())).Should().BeTrue();
        GlobalExceptionHandler.IsDatabaseUnavailable(new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03"))
            .Should().BeTrue();
        GlobalExceptionHandler.IsDatabaseUnavailable(new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"))
            .Should().BeTrue("a fast shutdown ends the sessions with it");

        GlobalExceptionHandler.IsDatabaseUnavailable(new Microsoft.Data.Sqlite.SqliteException("database is locked", 5)).Should().BeTrue("SQLITE_BUSY: try again");
        GlobalExceptionHandler.IsDatabaseUnavailable(new Microsoft.Data.Sqlite.SqliteException("UNIQUE constraint failed", 19)).Should().BeFalse();

        GlobalExceptionHandler.IsDatabaseUnavailable(new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation))
            .Should().BeFalse("a constraint broken is a bug or a conflict, not an outage");
        GlobalExceptionHandler.IsDatabaseUnavailable(new InvalidOperationException("a bug")).Should().BeFalse();
        GlobalExceptionHandler.IsDatabaseUnavailable(new TimeoutException("not from the database")).Should().BeFalse();
        ((DbException)refused).IsTransient.Should().BeTrue();
    }

    private Task<HttpResponseMessage> Put(SignedIn learner, string topic) =>
        learner.Client.PutAsJsonAsync($"/api/me/roadmaps/{Slug}/progress/{topic}", new { status = "Done" }, Json, Ct);
}

/// <summary>A PostgreSQL test database reached through a relay the test can cut.</summary>
public sealed class DatabaseOutagePostgresFactory : PostgresApiFactory
{
    public CuttableTcpProxy? Proxy { get; private set; }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (DatabaseConnectionString is null)
        {
            return;
        }

        var builder = new NpgsqlConnectionStringBuilder(DatabaseConnectionString);
        Proxy = new CuttableTcpProxy(builder.Host!, builder.Port);
        builder.Host = "127.0.0.1";
        builder.Port = Proxy.Port;

        // Fail fast while the relay is cut, as against a server that refuses connections.
        builder.Timeout = 3;
        Set("ConnectionStrings:Roadmap", builder.ConnectionString);

        // A drain cut off mid-run cannot release its lock in the job storage: it holds until this timeout (the least).
        Set("Jobs:DistributedLockTimeoutSeconds", "10");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }
    }
}
