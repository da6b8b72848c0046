using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Common;

namespace Roadmap.Infrastructure.Common.Persistence;

/// <summary>
/// The command's transaction on the scope's context. Identity's user manager saves through the same context, so its
/// writes join the transaction too. On SQLite a transaction begins with <c>BEGIN IMMEDIATE</c>: writers take turns
/// for the whole command, so what a command reads cannot change before it writes.
/// </summary>
internal sealed class EfUnitOfWork(RoadmapDbContext db, IMediator mediator) : IUnitOfWork
{
    private readonly List<IDomainEvent> _committed = [];
    private IDbContextTransaction? _transaction;
    private int _depth;
    private bool _saved;

    public async Task<IAsyncDisposable> BeginTransactionAsync(CancellationToken cancellationToken)
    {
        if (_depth++ == 0)
        {
            _transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            _saved = false;
        }

        return new Scope(this);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var transaction = _transaction ?? throw new InvalidOperationException("No transaction to commit: begin one first.");
        await SaveAsync(cancellationToken);
        if (_depth > 1)
        {
            // A command inside a command: the outer one commits.
            return;
        }

        await transaction.CommitAsync(cancellationToken);
        await EndTransactionAsync();

        // Committed: a client giving up now must not stop what follows from the change (cache eviction).
        var events = _committed.ToList();
        _committed.Clear();
        foreach (var domainEvent in events)
        {
            await mediator.Publish(Wrap(typeof(AfterCommit<>), domainEvent), CancellationToken.None);
        }
    }

    public Task SaveChangesAsync(CancellationToken cancellationToken) =>
        _transaction is null
            ? throw new InvalidOperationException("Saving early is for a command inside its transaction: begin one first.")
            : SaveAsync(cancellationToken);

    public async Task CommitSeparatelyAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_transaction is null)
        {
            await work(cancellationToken);
            return;
        }

        if (_depth > 1 || _saved || db.ChangeTracker.HasChanges())
        {
            throw new InvalidOperationException("Work is committed separately only before the command writes anything.");
        }

        // Nothing is written yet, so committing the command's transaction here commits nothing of the command.
        await _transaction.CommitAsync(cancellationToken);
        await _transaction.DisposeAsync();
        await using (var separate = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await work(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await separate.CommitAsync(cancellationToken);
        }

        _transaction = await db.Database.BeginTransactionAsync(cancellationToken);
    }

    /// <summary>Saves, then delivers the events the saved changes raised to the handlers that commit with them, until none are left.</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var aggregates = db.ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).ToList();
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

            _saved = true;
            var events = aggregates.SelectMany(a => a.DomainEvents).ToList();
            aggregates.ForEach(a => a.ClearDomainEvents());
            if (events.Count == 0)
            {
                return;
            }

            _committed.AddRange(events);
            foreach (var domainEvent in events)
            {
                await mediator.Publish(Wrap(typeof(BeforeCommit<>), domainEvent), cancellationToken);
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
    private async ValueTask LeaveAsync()
    {
        if (--_depth > 0 || _transaction is null)
        {
            return;
        }

        await EndTransactionAsync();
        _committed.Clear();
        db.ChangeTracker.Clear();
    }

    private static INotification Wrap(Type notification, IDomainEvent domainEvent) =>
        (INotification)Activator.CreateInstance(notification.MakeGenericType(domainEvent.GetType()), domainEvent)!;

    private sealed class Scope(EfUnitOfWork unitOfWork) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => unitOfWork.LeaveAsync();
    }
}
