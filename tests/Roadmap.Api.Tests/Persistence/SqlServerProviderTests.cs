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
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Identity;
using Roadmap.Domain.Learning;
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

        // nvarchar(n) stops at 4000; longer limits (descriptions, summaries) become nvarchar(max), checked by validation.
        SizedNvarchar().Matches(script).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Should().NotBeEmpty().And.OnlyContain(n => n <= 4000);
        script.Should().Contain("[Description] nvarchar(max)");

        // Times keep their offset; keys are uniqueidentifier; Resources (JSON) is text, readable by SQL Server 2016 and later.
        script.Should().Contain("[CreatedAt] datetimeoffset NOT NULL").And.Contain("[Id] uniqueidentifier NOT NULL")
            .And.Contain("[Resources] nvarchar(max)");
        script.Should().NotContainAny("timestamp with time zone", "character varying", " TEXT", " INTEGER");
        script.Should().Contain("WHERE [NormalizedUserName] IS NOT NULL");
    }

    /// <summary>Columns of text people write, limited in characters (code points), and their limits.</summary>
    private static readonly (string Table, string Column, int Characters)[] CharacterLimited =
    [
        ("roadmaps", "Title", CatalogLimits.TitleMaxLength),
        ("roadmaps", "Description", CatalogLimits.RoadmapDescriptionMaxLength),
        ("sections", "Title", CatalogLimits.TitleMaxLength),
        ("sections", "Description", CatalogLimits.SectionDescriptionMaxLength),
        ("topics", "Title", CatalogLimits.TitleMaxLength),
        ("topics", "Summary", CatalogLimits.TopicSummaryMaxLength),
        ("topic_progress", "Note", LearningLimits.NoteMaxLength),
        ("users", "DisplayName", UserProfileRules.DisplayNameMaxLength),
        ("users", "Email", UserProfileRules.EmailMaxLength),
        ("users", "NormalizedEmail", UserProfileRules.EmailMaxLength),
        ("users", "UserName", UserProfileRules.EmailMaxLength),
        ("users", "NormalizedUserName", UserProfileRules.EmailMaxLength),
    ];

    public static TheoryData<string, string, int> CharacterColumns => new(CharacterLimited);

    [Theory]
    [MemberData(nameof(CharacterColumns))]
    public void A_text_of_the_longest_length_in_emoji_fits_its_column_on_every_database(string table, string column, int characters)
    {
        // nvarchar(n) counts UTF-16 units, two for an emoji; PostgreSQL's varchar(n) counts characters; SQLite checks nothing.
        var units = characters * 2;
        StoreType(DatabaseProvider.SqlServer, table, column).Should().Be(units <= 4000 ? $"nvarchar({units})" : "nvarchar(max)");
        StoreType(DatabaseProvider.Postgres, table, column).Should().Be($"character varying({characters})");
        StoreType(DatabaseProvider.Sqlite, table, column).Should().Be("TEXT");
    }

    [Fact]
    public void Only_text_limited_in_characters_is_sized_differently_on_sql_server()
    {
        var doubled = CharacterLimited.Select(c => (c.Table, c.Column)).ToHashSet();
        using var postgres = MigrationsTests.Context(DatabaseProvider.Postgres);
        using var sqlServer = MigrationsTests.Context(DatabaseProvider.SqlServer);

        var sized = Columns(postgres).Where(c => c.MaxLength is not null).ToList();

        sized.Should().HaveCountGreaterThan(doubled.Count);
        foreach (var column in sized)
        {
            var other = sqlServer.GetService<IDesignTimeModel>().Model.GetRelationalModel().FindTable(column.Table.Name, column.Table.Schema)!
                .FindColumn(column.Name)!;
            other.MaxLength.Should().Be(
                doubled.Contains((column.Table.Name, column.Name)) ? column.MaxLength * 2 : column.MaxLength, $"{column.Table.Name}.{column.Name}");
        }

        foreach (var db in new[] { postgres, sqlServer })
        {
            db.GetService<IDesignTimeModel>().Model.GetEntityTypes().SelectMany(e => e.GetProperties()).SelectMany(p => p.GetAnnotations())
                .Should().NotContain(a => a.Name.StartsWith("Roadmap:", StringComparison.Ordinal), "the marks are no part of any database's model");
        }
    }

    private static string StoreType(DatabaseProvider provider, string table, string column)
    {
        using var db = MigrationsTests.Context(provider);
        return Columns(db).Single(c => c.Table.Name == table && c.Name == column).StoreType;
    }

    private static IEnumerable<IColumn> Columns(RoadmapDbContext db) =>
        db.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables.SelectMany(t => t.Columns);

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
