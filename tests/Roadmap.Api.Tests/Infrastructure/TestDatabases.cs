using Npgsql;

namespace Roadmap.Api.Tests.Infrastructure;

/// <summary>Databases of their own on the PostgreSQL server the tests were given, created and dropped from its maintenance database.</summary>
internal static class TestDatabases
{
    /// <summary>The server's maintenance database (<c>postgres</c> unless the connection string names another).</summary>
    public static string Maintenance(string server)
    {
        var builder = new NpgsqlConnectionStringBuilder(server);
        builder.Database ??= "postgres";
        return builder.ConnectionString;
    }

    /// <summary>The connection string of <paramref name="database"/> on the server of <paramref name="maintenance"/>.</summary>
    public static string On(string maintenance, string database) =>
        new NpgsqlConnectionStringBuilder(maintenance) { Database = database }.ConnectionString;

    public static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Drops <paramref name="database"/>, closing what the tests' pools still hold on it.</summary>
    public static async Task DropAsync(string maintenance, string database, CancellationToken cancellationToken = default)
    {
        NpgsqlConnection.ClearAllPools();

        // A connection of a stopped host that is still closing can hold the database a moment longer. An autovacuum
        // worker on it makes PostgreSQL 15's FORCE refuse a role that is not a superuser (42501: the worker has no
        // role to signal) until the worker is done.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(maintenance, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", cancellationToken);
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.ObjectInUse or PostgresErrorCodes.InsufficientPrivilege && attempt < 8)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), cancellationToken);
            }
        }
    }
}
