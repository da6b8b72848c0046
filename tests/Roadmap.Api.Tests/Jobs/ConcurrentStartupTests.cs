using System.Net;
using FluentAssertions;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Api.Tests.Infrastructure;

namespace Roadmap.Api.Tests.Jobs;

/// <summary>
/// Nodes started at the same moment on a PostgreSQL server without the database: both create it (one of them wins),
/// apply migrations, install the job schema, seed and register recurring jobs — one after the other, under the
/// start-up lock — and both become ready.
/// </summary>
public sealed class ConcurrentStartupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_nodes_starting_together_on_a_server_without_the_database_both_become_ready()
    {
        var server = Environment.GetEnvironmentVariable(PostgresApiFactory.ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.SkipWhen(string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresApiFactory.RequiredVariable)),
                $"PostgreSQL tests need {PostgresApiFactory.ServerVariable}.");
            throw new InvalidOperationException($"{PostgresApiFactory.RequiredVariable} is set but {PostgresApiFactory.ServerVariable} is not.");
        }

        var maintenance = TestDatabases.Maintenance(server);
        var database = $"roadmap_test_{Guid.NewGuid():N}";
        try
        {
            var connectionString = TestDatabases.On(maintenance, database);
            await using var first = new NodeFactory(connectionString);
            await using var second = new NodeFactory(connectionString);

            // Both hosts build, migrate and install at the same time, on two threads.
            using var start = new Barrier(2);
            var clients = await Task.WhenAll(
                Task.Run(() => Start(first, start), Ct),
                Task.Run(() => Start(second, start), Ct));

            foreach (var client in clients)
            {
                using (client)
                {
                    var ready = await Eventually.Until(() => client.GetAsync("/health/ready", Ct), r => r.StatusCode == HttpStatusCode.OK, Ct);
                    ready.StatusCode.Should().Be(HttpStatusCode.OK, await ready.Content.ReadAsStringAsync(Ct));
                }
            }

            first.Services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers().Should().HaveCount(2);
        }
        finally
        {
            await TestDatabases.DropAsync(maintenance, database, Ct);
        }
    }

    private static HttpClient Start(NodeFactory node, Barrier start)
    {
        start.SignalAndWait(TimeSpan.FromSeconds(30));
        return node.CreateClient();
    }

    /// <summary>A node of the service on a database it shares with another, applying migrations as it starts.</summary>
    private sealed class NodeFactory : RoadmapApiFactory
    {
        public NodeFactory(string connectionString)
        {
            Set("Database:Provider", "Postgres");
            Set("Database:ApplyMigrations", "true");
            Set("ConnectionStrings:Roadmap", connectionString);
        }

        public override ValueTask InitializeAsync() => ValueTask.CompletedTask;
    }
}
