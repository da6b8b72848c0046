using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Roadmap.Infrastructure.Common.Persistence;

/// <summary>
/// Makes nodes that start at the same moment on one PostgreSQL database take turns through the start-up work
/// (migrations, the job schema, the seed), so none of it races: a session advisory lock, held on
/// its own connection and released with it even if the process dies. SQLite is one node's file; nothing to share.
/// </summary>
internal static class StartupLock
{
    /// <summary>The advisory-lock key every node of this service uses ("roadmap" in ASCII).</summary>
    private const long Key = 0x726F61646D6170;

    /// <summary>How long a node waits for another's start-up work (long migrations included) before failing.</summary>
    private const int WaitSeconds = 600;

    public static async Task<IAsyncDisposable> AcquireAsync(RoadmapDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return NotHeld.Instance;
        }

        var unpooled = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false, Enlist = false };
        var connection = new NpgsqlConnection(unpooled.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = WaitSeconds };
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new Held(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // Closing the (unpooled) connection ends the session and so the lock; unlocking first just says so.
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", Key);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }

    private sealed class NotHeld : IAsyncDisposable
    {
        public static readonly NotHeld Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
