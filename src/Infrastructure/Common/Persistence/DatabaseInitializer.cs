using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Roadmap.Application.Identity.Accounts.CreateAdmin;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Infrastructure.Catalog;
using Roadmap.Infrastructure.Identity;
using Roadmap.Infrastructure.Jobs;

namespace Roadmap.Infrastructure.Common.Persistence;

/// <summary>
/// Brings the database up to date at start-up: migrations (when configured), the job storage and recurring jobs,
/// then the seed roadmap on an empty catalog and the first Admin. Nodes starting together take turns (<see cref="StartupLock"/>).
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
        await EnsureBootstrapAdminAsync(scope.ServiceProvider, cancellationToken);
    }

    /// <summary>The first Admin, from <c>Auth:BootstrapAdmin</c> when both its email and password are configured and no Admin exists yet.</summary>
    private async Task EnsureBootstrapAdminAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var admin = services.GetRequiredService<IOptions<AuthOptions>>().Value.BootstrapAdmin;
        if (string.IsNullOrWhiteSpace(admin.Email) || string.IsNullOrEmpty(admin.Password)
            || await services.GetRequiredService<IUserAccounts>().AnyAdminAsync(cancellationToken))
        {
            // Only the first Admin comes from configuration; later ones are made by Admins.
            return;
        }

        var result = await services.GetRequiredService<IMediator>().Send(new CreateAdminCommand(admin.Email, admin.Password), cancellationToken);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Auth:BootstrapAdmin could not be created: {result.Error.Message}");
        }

        LogAdminEnsured(result.Value.Email);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Bootstrap Admin {Email} is in place")]
    private partial void LogAdminEnsured(string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated ({Provider})")]
    private partial void LogMigrated(DatabaseProvider provider);
}
