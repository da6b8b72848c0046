using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Jobs;

/// <summary>
/// Prepares the job storage before the node serves: creates the SQLite file's folder or installs the PostgreSQL
/// schema, then registers the recurring jobs. Runs under the start-up lock (see <see cref="DatabaseInitializer"/>),
/// because Hangfire.PostgreSql's own installer fails when two nodes install at the same moment.
/// </summary>
public sealed partial class JobsInitializer(
    IServiceProvider services,
    ILogger<JobsInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var location = services.GetRequiredService<JobStorageLocation>();
        switch (location.Provider)
        {
            case DatabaseProvider.Sqlite:
                Directory.CreateDirectory(Path.GetDirectoryName(location.Target)!);
                break;
            case DatabaseProvider.Postgres:
                await InstallPostgresSchemaAsync(location.Target, cancellationToken);
                break;
            default:
                // SQL Server's storage installs its schema itself, under a lock, when it is created below.
                break;
        }

        var recurringJobs = services.GetRequiredService<IRecurringJobManager>();
        foreach (var job in services.GetServices<RecurringJobDefinition>())
        {
            job.Register(recurringJobs);
            LogRecurringJob(job.Id, job.Cron);
        }
    }

    private async Task InstallPostgresSchemaAsync(string connectionString, CancellationToken cancellationToken)
    {
        // Its own unpooled connection: the install scripts change the session's search_path.
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Enlist = false };
        await using var connection = new NpgsqlConnection(unpooled.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        PostgreSqlObjectsInstaller.Install(connection, JobStorageLocation.PostgresSchema);
        LogInstalled(JobStorageLocation.PostgresSchema);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job storage schema {Schema} is up to date")]
    private partial void LogInstalled(string schema);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recurring job {JobId} registered ({Cron})")]
    private partial void LogRecurringJob(string jobId, string cron);
}
