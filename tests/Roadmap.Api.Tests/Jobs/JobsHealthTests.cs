using System.Net;
using FluentAssertions;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Infrastructure.Common.Persistence;
using Roadmap.Infrastructure.Jobs;

namespace Roadmap.Api.Tests.Jobs;

/// <summary>The job engine of a running node: its storage (by database provider), its server, its readiness.</summary>
public abstract class JobsHealthTests<TFactory>(TFactory factory) : ApiTestBase<TFactory>(factory)
    where TFactory : RoadmapApiFactory
{
    [Fact]
    public async Task Ready_covers_the_job_storage_and_this_nodes_job_server_from_the_start()
    {
        using var client = Client();

        // No polling: the node does not serve before its job server has announced itself.
        var ready = await client.GetAsync("/health/ready", Ct);

        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        var checks = (await ReadJson(ready)).GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        checks.Should().Contain("jobs", "Healthy").And.Contain("database", "Healthy");
    }

    [Fact]
    public async Task Jobs_are_stored_beside_the_database_by_its_provider()
    {
        Client().Dispose();
        var location = Factory.Services.GetRequiredService<JobStorageLocation>();

        if (location.Provider == DatabaseProvider.Sqlite)
        {
            location.Target.Should().EndWith("roadmap.jobs.db");
            File.Exists(location.Target).Should().BeTrue();
        }
        else
        {
            await using var connection = new NpgsqlConnection(location.Target);
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'hangfire'", connection);
            ((long)(await command.ExecuteScalarAsync(Ct))!).Should().Be(1);
        }

        Factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers()
            .Should().ContainSingle(s => Factory.Services.GetRequiredService<JobServerIdentity>().Owns(s.Name));
    }
}

public sealed class JobsHealthTests_Sqlite(SqliteApiFactory factory) : JobsHealthTests<SqliteApiFactory>(factory);

public sealed class JobsHealthTests_Postgres(PostgresApiFactory factory) : JobsHealthTests<PostgresApiFactory>(factory);
