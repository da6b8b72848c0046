using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Roadmap.Infrastructure.Common.Persistence;

/// <summary>
/// SQLite has one writer at a time. A transaction waiting for the write lock is retried by Microsoft.Data.Sqlite every
/// 150 ms with the thread asleep, so commands of this process queue here instead, without a thread, and take the lock
/// in turn. (Writers of another process, or outside a command, still wait on the lock itself.)
/// </summary>
internal sealed class SqliteWriters
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public Task WaitAsync(CancellationToken cancellationToken) => _turn.WaitAsync(cancellationToken);

    public void Release() => _turn.Release();
}

/// <summary>
/// <c>synchronous=NORMAL</c> on every SQLite connection: in write-ahead-log mode a commit is then written but not synced
/// (the log is synced at checkpoints). It survives a crash of the service; a power loss may lose the last commits.
/// </summary>
internal sealed class SqliteSynchronousNormal : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}
