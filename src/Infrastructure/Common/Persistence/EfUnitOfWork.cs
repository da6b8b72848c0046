using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Common;

namespace Roadmap.Infrastructure.Common.Persistence;

/// <summary>
/// The command's transaction on the scope's context. Identity's user manager saves through the same context, so its
/// writes join the transaction too. SQLite has one writer at a time: there a command reads without a transaction and
/// its transaction begins (<c>BEGIN IMMEDIATE</c>, in this process's queue of writers) at its first write
/// (<see cref="SqliteFirstWrite"/>), so the writers take turns only for their writes. What a command read may then
/// have changed before it writes, as on a server's read-committed transactions (the same handlers run there): rows whose
/// lost update would matter carry concurrency tokens, rows it adds unique keys, and a lost race is a
/// <see cref="ConcurrencyConflictException"/>.
/// </summary>
/// <param name="writers">On SQLite, this process's queue of writers, held from the first write to the end of the transaction.</param>
internal sealed partial class EfUnitOfWork(RoadmapDbContext db, IMediator mediator, ILogger<EfUnitOfWork> logger, SqliteWriters? writers = null)
    : IUnitOfWork, IDisposable
{
    private readonly SqliteWriters? _writers = writers;
    private bool _holdsWriters;
    private bool _startedEarly;
    private readonly List<IDomainEvent> _committed = [];
    private readonly List<IDomainEvent> _raised = [];
    private IDbContextTransaction? _transaction;
    private int _depth;
    private int _commits;
    private bool _open;
    private bool _again;
    private bool _saved;
    private bool _innerFailed;

    public async Task<IAsyncDisposable> BeginTransactionAsync(CancellationToken cancellationToken)
    {
        if (_depth == 0)
        {
            await StartAsync(cancellationToken);
            _open = true;
            _saved = false;
            _innerFailed = false;
        }

        _depth++;
        return new Scope(this, _commits);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (!InTransaction)
        {
            throw new InvalidOperationException("No transaction to commit: begin one first.");
        }

        if (_innerFailed)
        {
            // What the failed inner command wrote is in this transaction: committing would keep it.
            throw new InvalidOperationException("A command sent by this command failed; this one must fail too.");
        }

        await SaveAsync(cancellationToken);
        _commits++;
        if (_depth > 1)
        {
            // A command inside a command: the outer one commits.
            return;
        }

        db.FirstWrite = null;
        if (_transaction is not null)
        {
            await _transaction.CommitAsync(cancellationToken);
            await EndTransactionAsync();
        }

        _open = false;
        ReleaseWriters(); // before the after-commit handlers, which may send commands in scopes of their own
        await PublishCommittedAsync();
    }

    public Task SaveChangesAsync(CancellationToken cancellationToken) =>
        !InTransaction
            ? throw new InvalidOperationException("Saving early is for a command inside its transaction: begin one first.")
            : SaveAsync(cancellationToken);

    public void Raise(IDomainEvent domainEvent) => _raised.Add(domainEvent);

    /// <summary>A scope left without leaving the command (a caller that did not dispose it) gives back what it holds.</summary>
    public void Dispose()
    {
        if (_open)
        {
            db.FirstWrite = null;
            ReleaseWriters();
        }
    }

    /// <summary>Inside a command: its transaction is begun (on SQLite, begun or waiting for the first write).</summary>
    private bool InTransaction => _open && (_transaction is not null || db.FirstWrite is not null);

    public async Task CommitSeparatelyAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!_open)
        {
            await work(cancellationToken);
            return;
        }

        // On a server, writes through Identity's user manager or ExecuteUpdate are not seen here: callers keep to the
        // rule themselves. On SQLite any write began the transaction, unless a command run again began it at its start.
        if (_depth > 1 || _saved || db.ChangeTracker.HasChanges() || (_writers is not null && _transaction is not null && !_startedEarly))
        {
            throw new InvalidOperationException("Work is committed separately only before the command writes anything.");
        }

        // Nothing is written yet, so committing the command's transaction here commits nothing of the command; on
        // SQLite the writers' turn it held is given back, to be taken again for the work.
        db.FirstWrite = null;
        if (_transaction is not null)
        {
            await _transaction.CommitAsync(cancellationToken);
            await EndTransactionAsync();
            ReleaseWriters();
        }

        try
        {
            await BeginWritingAsync(cancellationToken);
            await work(cancellationToken);
            await SaveAsync(cancellationToken);
            await _transaction!.CommitAsync(cancellationToken);
        }
        finally
        {
            await EndTransactionAsync();
            ReleaseWriters();
            _saved = false;
            await StartAsync(cancellationToken);
        }

        await PublishCommittedAsync();
    }

    /// <summary>
    /// Starts the outermost command's transaction: on a server at once; on SQLite at its first write, through
    /// <see cref="RoadmapDbContext.FirstWrite"/>, or at once for a command that follows a failed one in this scope.
    /// </summary>
    private async Task StartAsync(CancellationToken cancellationToken)
    {
        _startedEarly = false;
        if (_writers is null)
        {
            _transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        }
        else if (_again)
        {
            // A command of this scope failed, and this is most likely it again after losing a race (IRetryOnConflict):
            // with the turn taken from its start, what it reads cannot change before it writes, so it cannot lose again.
            _again = false;
            await BeginWritingAsync(cancellationToken);
            _startedEarly = true;
        }
        else
        {
            db.FirstWrite = BeginWritingAsync;
        }
    }

    /// <summary>Begins the transaction; on SQLite after waiting for this process's turn to write (<c>BEGIN IMMEDIATE</c>).</summary>
    private async Task BeginWritingAsync(CancellationToken cancellationToken)
    {
        if (_writers is not null)
        {
            await _writers.WaitAsync(cancellationToken);
            _holdsWriters = true;
        }

        try
        {
            _transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        }
        catch
        {
            ReleaseWriters();
            throw;
        }

        db.FirstWrite = null;
    }

    /// <summary>
    /// Delivers the events raised by the pending changes to the handlers that commit with them, until none are left, then
    /// saves everything in one go (one batch, one round trip on a server). No savepoint is taken around the save: a
    /// failed save fails the command, whose whole transaction is rolled back, so one would only cost two round trips.
    /// </summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        while (TakeRaisedEvents() is { Count: > 0 } events)
        {
            _committed.AddRange(events);
            foreach (var domainEvent in events)
            {
                await mediator.Publish(Wrap(typeof(BeforeCommit<>), domainEvent), cancellationToken);
            }
        }

        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("The data was changed by someone else meanwhile; read it again and retry.", ex);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            throw new ConcurrencyConflictException("Something with the same identity was created meanwhile.", ex);
        }
        finally
        {
            // Identity's user manager saves through this context too, and may go on after a failed save of its own.
            db.Database.AutoSavepointsEnabled = true;
        }

        _saved = true;
    }

    /// <summary>Takes the events raised since the last call, by tracked aggregates and through <see cref="Raise"/>.</summary>
    private List<IDomainEvent> TakeRaisedEvents()
    {
        var raising = db.ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).Where(a => a.DomainEvents.Count > 0).ToList();
        var events = raising.SelectMany(a => a.DomainEvents).Concat(_raised).ToList();
        raising.ForEach(a => a.ClearDomainEvents());
        _raised.Clear();
        return events;
    }

    /// <summary>
    /// Delivers the committed events to the handlers that act after the commit. The change is committed: neither a
    /// client giving up nor a failing handler (logged) may turn it into an error the client would retry.
    /// </summary>
    private async Task PublishCommittedAsync()
    {
        var events = _committed.ToList();
        _committed.Clear();
        foreach (var domainEvent in events)
        {
            try
            {
                await mediator.Publish(Wrap(typeof(AfterCommit<>), domainEvent), CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogAfterCommitFailed(ex, domainEvent.GetType().Name);
            }
        }
    }

    private async ValueTask EndTransactionAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
            _transaction = null;
        }
    }

    /// <summary>Leaving the outermost scope without a commit rolls back and forgets what the command changed.</summary>
    private async ValueTask LeaveAsync(int commitsAtStart)
    {
        if (--_depth > 0)
        {
            _innerFailed |= _commits == commitsAtStart;
            return;
        }

        db.FirstWrite = null;
        try
        {
            if (_open)
            {
                _open = false;
                _again = true;
                await EndTransactionAsync();
                _committed.Clear();
                _raised.Clear();
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            ReleaseWriters();
        }
    }

    private void ReleaseWriters()
    {
        if (_holdsWriters)
        {
            _holdsWriters = false;
            _writers!.Release();
        }
    }

    private static INotification Wrap(Type notification, IDomainEvent domainEvent) =>
        (INotification)Activator.CreateInstance(notification.MakeGenericType(domainEvent.GetType()), domainEvent)!;

    [LoggerMessage(Level = LogLevel.Error, Message = "An after-commit handler of {DomainEvent} failed; the change stays committed")]
    private partial void LogAfterCommitFailed(Exception exception, string domainEvent);

    private sealed class Scope(EfUnitOfWork unitOfWork, int commitsAtStart) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => unitOfWork.LeaveAsync(commitsAtStart);
    }
}
