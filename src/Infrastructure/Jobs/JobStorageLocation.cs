using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Jobs;

/// <summary>
/// Where jobs are stored, following <c>Database:Provider</c>: a SQLite file beside the database file (embedded),
/// the <c>hangfire</c> schema of the same PostgreSQL database, or the <c>HangFire</c> schema of the same SQL Server database.
/// </summary>
internal sealed record JobStorageLocation(DatabaseProvider Provider, string Target, TimeSpan QueuePollInterval)
{
    /// <summary>PostgreSQL: after how long a lock held by a node that died is taken over (<see cref="JobsOptions.DistributedLockTimeoutSeconds"/>).</summary>
    public TimeSpan DistributedLockTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>PostgreSQL: after how long a job fetched by a node that died runs elsewhere (<see cref="JobsOptions.InvisibilityTimeoutSeconds"/>).</summary>
    public TimeSpan InvisibilityTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public const string PostgresSchema = "hangfire";

    public const string SqlServerSchema = "HangFire";

    public static JobStorageLocation For(DatabaseProvider provider, string? connectionString, TimeSpan pollInterval) => provider switch
    {
        DatabaseProvider.Sqlite => new(provider, SqliteFileBeside(connectionString ?? DatabaseOptions.DefaultSqliteConnectionString), pollInterval),
        DatabaseProvider.Postgres or DatabaseProvider.SqlServer when !string.IsNullOrWhiteSpace(connectionString) => new(provider, connectionString, pollInterval),
        DatabaseProvider.Postgres or DatabaseProvider.SqlServer => throw new InvalidOperationException(
            $"Database:Provider is {provider} but ConnectionStrings:{DependencyInjection.ConnectionStringName} is not set."),
        _ => throw new InvalidOperationException($"Unknown Database:Provider '{provider}'."),
    };

    /// <summary><c>Data Source=data/roadmap.db</c> → <c>data/roadmap.jobs.db</c> (full path).</summary>
    public static string SqliteFileBeside(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var file = builder.DataSource;
        if (string.IsNullOrWhiteSpace(file) || file == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new InvalidOperationException("Jobs are kept in a file beside the SQLite database file; an in-memory SQLite database has none.");
        }

        var full = Path.GetFullPath(file);
        var extension = Path.GetExtension(full);
        return Path.Combine(
            Path.GetDirectoryName(full) ?? string.Empty,
            $"{Path.GetFileNameWithoutExtension(full)}.jobs{(extension.Length > 0 ? extension : ".db")}");
    }

    /// <summary>
    /// The storage, built here rather than through Hangfire's global configuration so that several hosts in one
    /// process (the API tests) each keep their own. PostgreSQL's schema is installed by <see cref="JobsInitializer"/>.
    /// </summary>
    public JobStorage CreateStorage() => Provider switch
    {
        DatabaseProvider.Sqlite => new SQLiteStorage(Target, new SQLiteStorageOptions { QueuePollInterval = QueuePollInterval }),
        DatabaseProvider.Postgres => CreatePostgresStorage(),

        // Hangfire.SqlServer installs its schema under an application lock (sp_getapplock), so nodes cannot race on it.
        DatabaseProvider.SqlServer => new SqlServerStorage(Target, new SqlServerStorageOptions
        {
            SchemaName = SqlServerSchema,
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = QueuePollInterval,
        }),
        _ => throw new InvalidOperationException($"Unknown Database:Provider '{Provider}'."),
    };

    private PostgreSqlStorage CreatePostgresStorage()
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = PostgresSchema,
            PrepareSchemaIfNecessary = false,
            QueuePollInterval = QueuePollInterval,

            // A dead node's lock and fetched job are taken over after these (10 and 30 minutes by default). The
            // invisibility slides: a live node renews its running jobs' every fifth of it, so a long job is not
            // fetched twice however short the timeout.
            DistributedLockTimeout = DistributedLockTimeout,
            InvisibilityTimeout = InvisibilityTimeout,
            UseSlidingInvisibilityTimeout = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(Target, options), options);
    }
}
