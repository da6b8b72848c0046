using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

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
/// On SQLite, begins a command's transaction (<see cref="RoadmapDbContext.FirstWrite"/>) just before its first write:
/// a save with changes, or a statement that is not a <c>SELECT</c> (ExecuteUpdate, ExecuteDelete, SQL), which then
/// runs in that transaction.
/// </summary>
internal sealed class SqliteFirstWrite : DbCommandInterceptor, ISaveChangesInterceptor
{
    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        BeforeSave(eventData)?.GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (BeforeSave(eventData, cancellationToken) is { } begin)
        {
            await begin;
        }

        return result;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        BeforeStatementAsync(command, eventData, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await BeforeStatementAsync(command, eventData, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        BeforeStatementAsync(command, eventData, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await BeforeStatementAsync(command, eventData, cancellationToken);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        BeforeStatementAsync(command, eventData, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await BeforeStatementAsync(command, eventData, cancellationToken);
        return result;
    }

    private static Task? BeforeSave(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        eventData?.Context is RoadmapDbContext { FirstWrite: { } begin } db && db.ChangeTracker.HasChanges()
            ? begin(cancellationToken)
            : null;

    private static async Task BeforeStatementAsync(DbCommand command, CommandEventData eventData, CancellationToken cancellationToken)
    {
        if (eventData?.Context is RoadmapDbContext { FirstWrite: { } begin } db && !IsQuery(command.CommandText))
        {
            await begin(cancellationToken);

            // The command was made before the transaction began.
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        }
    }

    /// <summary>Whether the statement, after the comments EF Core puts first (query tags), is a <c>SELECT</c>.</summary>
    private static bool IsQuery(string sql)
    {
        var rest = sql.AsSpan().TrimStart();
        while (rest.StartsWith("--", StringComparison.Ordinal))
        {
            var end = rest.IndexOf('\n');
            rest = end < 0 ? [] : rest[(end + 1)..].TrimStart();
        }

        return rest.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>
/// <c>synchronous=NORMAL</c> on every SQLite connection, set once per connection of Microsoft.Data.Sqlite's pool (a
/// pooled connection keeps it) rather than by a statement at every open: in write-ahead-log mode a commit is then
/// written but not synced (the log is synced at checkpoints). It survives a crash of the service; a power loss may
/// lose the last commits. (A memory-mapped file was tried here too and cost the writes more than it saved the reads.)
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<sqlite3, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        var handle = ((SqliteConnection)connection).Handle!;
        if (Configured.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
        Configured.AddOrUpdate(handle, handle);
    }
}
