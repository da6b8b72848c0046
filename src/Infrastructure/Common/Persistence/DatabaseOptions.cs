namespace Roadmap.Infrastructure.Common.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string DefaultSqliteConnectionString = "Data Source=data/roadmap.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up; when unset, on for SQLite and off for PostgreSQL.</summary>
    public bool? ApplyMigrations { get; set; }

    public bool ShouldApplyMigrations => ApplyMigrations ?? Provider == DatabaseProvider.Sqlite;
}
