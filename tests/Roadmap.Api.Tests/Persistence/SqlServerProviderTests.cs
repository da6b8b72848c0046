using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Roadmap.Api.Tests.Infrastructure;
using Roadmap.Infrastructure;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Api.Tests.Persistence;

/// <summary>
/// SQL Server is configured and its schema generated and checked here, but never run: no SQL Server engine can be
/// installed on this machine. These tests cover what can be known without one.
/// </summary>
public sealed partial class SqlServerProviderTests
{
    private const string ConnectionString = "Server=never-opened;Database=roadmap;TrustServerCertificate=true";

    [Fact]
    public void Provider_SqlServer_gives_the_sql_server_context_and_leaves_migrations_to_a_deployment_step()
    {
        using var services = Services(new()
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:Roadmap"] = ConnectionString,
        });
        using var scope = services.CreateScope();

        var db = scope.ServiceProvider.GetRequiredService<RoadmapDbContext>();

        db.Should().BeOfType<SqlServerRoadmapDbContext>();
        db.Database.IsSqlServer().Should().BeTrue();
        new SqlConnectionStringBuilder(db.Database.GetConnectionString()).DataSource.Should().Be("never-opened");
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ShouldApplyMigrations.Should().BeFalse();
    }

    [Fact]
    public void Provider_SqlServer_without_a_connection_string_stops_the_start()
    {
        var start = () => Services(new() { ["Database:Provider"] = "SqlServer" });

        start.Should().Throw<InvalidOperationException>().WithMessage("*SqlServer*ConnectionStrings:Roadmap*");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, true)]
    [InlineData(DatabaseProvider.Postgres, false)]
    [InlineData(DatabaseProvider.SqlServer, false)]
    public void Migrations_are_applied_at_start_up_by_default_only_for_the_embedded_database(DatabaseProvider provider, bool applied)
    {
        new DatabaseOptions { Provider = provider }.ShouldApplyMigrations.Should().Be(applied);
        new DatabaseOptions { Provider = provider, ApplyMigrations = true }.ShouldApplyMigrations.Should().BeTrue();
    }

    [Fact]
    public void Unique_indexes_over_nullable_columns_are_filtered_so_that_many_nulls_are_allowed_as_elsewhere()
    {
        // SQL Server counts NULLs as equal in a unique index; SQLite and PostgreSQL do not.
        using var db = MigrationsTests.Context(DatabaseProvider.SqlServer);
        var indexes = db.GetService<IDesignTimeModel>().Model.GetEntityTypes()
            .SelectMany(e => e.GetIndexes())
            .Where(i => i.IsUnique && i.Properties.Any(p => p.IsNullable))
            .ToList();

        indexes.Should().NotBeEmpty("Identity's user and role name indexes are unique over nullable columns");
        indexes.Should().OnlyContain(i => i.GetFilter() != null && i.GetFilter()!.Contains("IS NOT NULL", StringComparison.Ordinal));
    }

    [Fact]
    public void The_script_uses_sql_server_types_within_their_limits()
    {
        using var db = MigrationsTests.Context(DatabaseProvider.SqlServer);

        var script = MigrationsTests.Script(db, DatabaseProvider.SqlServer);

        // nvarchar(n) stops at 4000; longer limits (a roadmap's description) become nvarchar(max), checked by validation.
        SizedNvarchar().Matches(script).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Should().NotBeEmpty().And.OnlyContain(n => n <= 4000);
        script.Should().Contain("[Description] nvarchar(max)");

        // Times keep their offset; keys are uniqueidentifier; Resources (JSON) is text, readable by SQL Server 2016 and later.
        script.Should().Contain("[CreatedAt] datetimeoffset NOT NULL").And.Contain("[Id] uniqueidentifier NOT NULL")
            .And.Contain("[Resources] nvarchar(max)");
        script.Should().NotContainAny("timestamp with time zone", "character varying", " TEXT", " INTEGER");
        script.Should().Contain("WHERE [NormalizedUserName] IS NOT NULL");
    }

    [GeneratedRegex(@"nvarchar\((\d+)\)")]
    private static partial Regex SizedNvarchar();

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        settings["Auth:SigningKey"] = RoadmapApiFactory.SigningKey;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddInfrastructure(configuration, new HostingEnvironment { EnvironmentName = Environments.Production });
        return services.BuildServiceProvider();
    }
}
