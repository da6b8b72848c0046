using FluentAssertions;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Roadmap.Infrastructure.Jobs;

namespace Roadmap.Api.Tests.Jobs;

/// <summary>The readiness check of the job engine, on Hangfire's in-memory storage (the storage itself is not under test).</summary>
public sealed class JobsHealthCheckTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_this_nodes_server_it_is_unhealthy_even_while_another_node_runs_one()
    {
        using var storage = new InMemoryStorage();
        using var otherNode = StartServer(storage, new JobServerIdentity());
        await ServerListed(storage, otherNode.Identity);

        var result = await Check(storage, new JobServerIdentity());

        result.Status.Should().Be(HealthStatus.Unhealthy);
        result.Description.Should().Contain("not running");
    }

    [Fact]
    public async Task This_nodes_running_server_is_healthy_and_once_stopped_unhealthy()
    {
        using var storage = new InMemoryStorage();
        var identity = new JobServerIdentity();
        var server = StartServer(storage, identity);
        await ServerListed(storage, identity);

        var running = await Check(storage, identity);
        server.Dispose();
        var stopped = await Eventually.Until(() => Check(storage, identity), r => r.Status == HealthStatus.Unhealthy, Ct);

        running.Status.Should().Be(HealthStatus.Healthy);
        stopped.Status.Should().Be(HealthStatus.Unhealthy);
    }

    [Fact]
    public async Task A_stale_heartbeat_is_unhealthy()
    {
        using var storage = new InMemoryStorage();
        var identity = new JobServerIdentity();
        using var server = StartServer(storage, identity);
        await ServerListed(storage, identity);

        var result = await Check(storage, identity, time: new Later(JobsHealthCheck.MaxHeartbeatAge + TimeSpan.FromMinutes(1)));

        result.Status.Should().Be(HealthStatus.Unhealthy);
        result.Description.Should().Contain("heartbeat");
    }

    [Fact]
    public async Task An_unreachable_storage_is_unhealthy_even_on_a_node_without_a_job_server()
    {
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = false };
        var unreachable = new PostgreSqlStorage(
            new NpgsqlConnectionFactory("Host=127.0.0.1;Port=1;Username=nobody;Password=none;Timeout=2", options), options);

        var result = await Check(unreachable, new JobServerIdentity(), enabled: false);

        result.Status.Should().Be(HealthStatus.Unhealthy);
        result.Description.Should().Contain("storage");
    }

    [Fact]
    public async Task A_node_configured_without_a_job_server_is_healthy_while_the_storage_answers()
    {
        using var storage = new InMemoryStorage();

        var result = await Check(storage, new JobServerIdentity(), enabled: false);

        result.Status.Should().Be(HealthStatus.Healthy);
    }

    private static Task<HealthCheckResult> Check(JobStorage storage, JobServerIdentity identity, bool enabled = true, TimeProvider? time = null) =>
        new JobsHealthCheck(storage, identity, Options.Create(new JobsOptions { Enabled = enabled }), time ?? TimeProvider.System)
            .CheckHealthAsync(new HealthCheckContext(), Ct);

    private static RunningServer StartServer(JobStorage storage, JobServerIdentity identity) => new(
        identity,
        new BackgroundJobServer(new BackgroundJobServerOptions { ServerName = identity.Name, WorkerCount = 1 }, storage));

    private static async Task ServerListed(JobStorage storage, JobServerIdentity identity)
    {
        var servers = await Eventually.Until(() => storage.GetMonitoringApi().Servers(), s => s.Any(x => identity.Owns(x.Name)), Ct);
        servers.Should().Contain(s => identity.Owns(s.Name));
    }

    private sealed record RunningServer(JobServerIdentity Identity, BackgroundJobServer Server) : IDisposable
    {
        public void Dispose() => Server.Dispose();
    }

    private sealed class Later(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + by;
    }
}
