using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Roadmap.Domain.Identity;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Api.Tests.Persistence;

/// <summary>
/// Each provider's migrations match the model and script out. Neither needs a live database, so this is also
/// what proves SQL Server here, where no SQL Server engine can run. Connection strings below are never opened.
/// </summary>
public sealed class MigrationsTests
{
    /// <summary>Every value of the enum, so a provider added to it without a context and migrations fails here.</summary>
    public static TheoryData<DatabaseProvider> Providers => new(Enum.GetValues<DatabaseProvider>());

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_model_has_no_changes_missing_from_the_migrations(DatabaseProvider provider)
    {
        using var db = Context(provider);

        db.Database.GetMigrations().Should().NotBeEmpty();
        db.Database.HasPendingModelChanges().Should().BeFalse(
            $"the {provider} migrations should describe the whole model; add a migration (see the README's Migrations section)");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void A_model_change_without_a_migration_is_reported_as_pending(DatabaseProvider provider)
    {
        // The same context type, so the same migrations, but its model has one column that no migration adds.
        using var db = Context(provider, o => o.ReplaceService<IModelCustomizer, ExtraColumnCustomizer>());

        db.Model.FindEntityType(typeof(RefreshToken))!.FindProperty(ExtraColumnCustomizer.Column).Should().NotBeNull();
        db.Database.HasPendingModelChanges().Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_migration_script_creates_every_table_of_the_model(DatabaseProvider provider)
    {
        using var db = Context(provider);

        var script = Script(db, provider);

        var sql = db.GetService<ISqlGenerationHelper>();
        var tables = db.Model.GetRelationalModel().Tables.ToList();
        tables.Should().NotBeEmpty();
        foreach (var table in tables)
        {
            script.Should().Contain($"CREATE TABLE {sql.DelimitIdentifier(table.Name, table.Schema)} (", $"table {table.Name} is in the model");
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void A_server_script_is_idempotent(DatabaseProvider provider)
    {
        using var db = Context(provider);

        var script = Script(db, provider);

        // Every migration is guarded by a look-up of its id, besides the insert that records it.
        foreach (var migration in db.Database.GetMigrations())
        {
            CountOf(script, $"'{migration}'").Should().BeGreaterThan(1, $"migration {migration} should be guarded");
        }
    }

    [Fact]
    public void SQLite_has_no_idempotent_script_so_it_migrates_at_start_up()
    {
        // If EF Core learns this, the SQLite script can be idempotent too (and the README's commands can say so).
        using var db = Context(DatabaseProvider.Sqlite);

        var script = () => db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        script.Should().Throw<NotSupportedException>();
        new DatabaseOptions { Provider = DatabaseProvider.Sqlite }.ShouldApplyMigrations.Should().BeTrue();
    }

    /// <summary>The script from an empty database to the last migration: idempotent where the provider can.</summary>
    internal static string Script(RoadmapDbContext db, DatabaseProvider provider) => db.GetService<IMigrator>().GenerateScript(
        options: provider == DatabaseProvider.Sqlite ? MigrationsSqlGenerationOptions.Default : MigrationsSqlGenerationOptions.Idempotent);

    /// <summary>The context the service uses for a provider, configured as in AddPersistence.</summary>
    internal static RoadmapDbContext Context(DatabaseProvider provider, Action<DbContextOptionsBuilder>? configure = null) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteRoadmapDbContext(Options<SqliteRoadmapDbContext>(o => o.UseSqlite("Data Source=never-opened.db"), configure)),
        DatabaseProvider.Postgres => new PostgresRoadmapDbContext(Options<PostgresRoadmapDbContext>(o => o.UseNpgsql("Host=never-opened;Database=roadmap"), configure)),
        DatabaseProvider.SqlServer => new SqlServerRoadmapDbContext(Options<SqlServerRoadmapDbContext>(o => o.UseSqlServer("Server=never-opened;Database=roadmap"), configure)),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "No context for this provider."),
    };

    private static DbContextOptions<T> Options<T>(Action<DbContextOptionsBuilder> useProvider, Action<DbContextOptionsBuilder>? configure)
        where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        useProvider(builder);
        configure?.Invoke(builder);
        return builder.Options;
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>The service's model plus one column, as if someone changed a configuration and forgot the migration.</summary>
    private sealed class ExtraColumnCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
    {
        public const string Column = "NotInAnyMigration";

        public override void Customize(ModelBuilder modelBuilder, DbContext context)
        {
            base.Customize(modelBuilder, context);
            modelBuilder.Entity<RefreshToken>().Property<string>(Column).HasMaxLength(16);
        }
    }
}
