using FluentAssertions;
using Roadmap.Infrastructure.Common.Persistence;
using Roadmap.Infrastructure.Jobs;

namespace Roadmap.Api.Tests.Jobs;

/// <summary>Where the embedded default keeps its jobs: a file beside the SQLite database file.</summary>
public sealed class JobStorageLocationTests
{
    [Theory]
    [InlineData("Data Source=data/roadmap.db", "data/roadmap.jobs.db")]
    [InlineData("Data Source=/var/lib/roadmap/main.sqlite;Cache=Shared", "/var/lib/roadmap/main.jobs.sqlite")]
    [InlineData("Data Source=roadmap", "roadmap.jobs.db")]
    public void The_job_file_sits_beside_the_database_file(string connectionString, string expected) =>
        JobStorageLocation.For(DatabaseProvider.Sqlite, connectionString, TimeSpan.FromSeconds(15)).Target
            .Should().Be(Path.GetFullPath(expected));

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=roadmap;Mode=Memory")]
    public void An_in_memory_database_has_no_place_for_jobs(string connectionString)
    {
        var locate = () => JobStorageLocation.For(DatabaseProvider.Sqlite, connectionString, TimeSpan.FromSeconds(15));

        locate.Should().Throw<InvalidOperationException>().WithMessage("*in-memory*");
    }

    [Fact]
    public void A_server_database_needs_its_connection_string()
    {
        var locate = () => JobStorageLocation.For(DatabaseProvider.Postgres, null, TimeSpan.FromSeconds(15));

        locate.Should().Throw<InvalidOperationException>().WithMessage("*ConnectionStrings:Roadmap*");
    }
}
