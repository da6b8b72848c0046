using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Roadmap.Infrastructure.Catalog;
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
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoadmapDbContext>();
        await using var startupLock = await StartupLock.AcquireAsync(db, cancellationToken);
        if (options.Value.ShouldApplyMigrations)
        {
            if (db.Database.IsSqlite())
            {
                EnsureSqliteFolder(db.Database.GetConnectionString());
            }

            await db.Database.MigrateAsync(cancellationToken);
            LogMigrated(options.Value.Provider);
        }

        await scope.ServiceProvider.GetRequiredService<JobsInitializer>().InitializeAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<CatalogSeeder>().SeedIfEmptyAsync(cancellationToken);
    }

    private static void EnsureSqliteFolder(string? connectionString)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated ({Provider})")]
    private partial void LogMigrated(DatabaseProvider provider);
}
