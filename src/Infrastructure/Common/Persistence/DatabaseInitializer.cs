using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Roadmap.Infrastructure.Catalog;
using Roadmap.Infrastructure.Common;
using Roadmap.Infrastructure.Jobs;

namespace Roadmap.Infrastructure.Common.Persistence;

/// <summary>
/// Brings the database up to date at start-up: migrations (when configured), the job storage and recurring jobs,
/// then the seed roadmap on an empty catalog. Nodes starting together take turns (<see cref="StartupLock"/>).
/// </summary>
public sealed partial class DatabaseInitializer(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await BringUpToDateAsync(cancellationToken);
        }
        catch (DbException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidConfigurationException($"The database cannot be used: {ex.Message}");
        }
    }

    private async Task BringUpToDateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoadmapDbContext>();
        if (options.Value.ShouldApplyMigrations && db.Database.IsNpgsql())
        {
            await EnsurePostgresDatabaseAsync(db, cancellationToken);
        }

        await using var startupLock = await StartupLock.AcquireAsync(db, cancellationToken);
        if (options.Value.ShouldApplyMigrations)
        {
            if (db.Database.IsSqlite())
            {
                await EnsureSqliteFileAsync(db.Database.GetConnectionString(), cancellationToken);
            }

            await db.Database.MigrateAsync(cancellationToken);
            LogMigrated(options.Value.Provider);
        }
        else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList() is { Count: > 0 } pending)
        {
            // Started on an older schema, the node would look ready and answer 500 to what reads the missing parts.
            throw new InvalidConfigurationException(
                $"The database lacks {pending.Count} migration(s) of this build, the last {pending[^1]}: apply them first " +
                "(dotnet ef database update, the idempotent script, or Database:ApplyMigrations=true on one node).");
        }

        if (db.Database.IsSqlite())
        {
            // Write-ahead logging (kept in the file): readers never wait for the writer, and with synchronous=NORMAL
            // (SqliteConnectionSettings, on every connection) a commit is not synced, only the log at checkpoints.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await scope.ServiceProvider.GetRequiredService<JobsInitializer>().InitializeAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<CatalogSeeder>().SeedIfEmptyAsync(cancellationToken);
    }

    /// <summary>The lock lives in the database, so a node applying migrations creates the database first (as
    /// <c>dotnet ef database update</c> would); two nodes doing so at once both go on.</summary>
    private static async Task EnsurePostgresDatabaseAsync(RoadmapDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another node created it first.
        }
    }

    /// <summary>
    /// The folder and the file, made before EF Core's migrator looks: it probes a missing file with a connection that
    /// may not create it, and logs that probe's failure as a fault on every first start.
    /// </summary>
    private static async Task EnsureSqliteFileAsync(string? connectionString, CancellationToken cancellationToken)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated ({Provider})")]
    private partial void LogMigrated(DatabaseProvider provider);
}
