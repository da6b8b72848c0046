using Ardalis.Specification;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Common.Ports;

/// <summary>The current time; injected so handlers and tests agree on "now".</summary>
public interface IClock
{
    DateTimeOffset UtcNow { get; }
}

/// <summary>
/// The transaction of the command in this scope. <see cref="Behaviours.TransactionBehaviour{TRequest, TResponse}"/>
/// begins and commits it; handlers only use <see cref="CommitSeparatelyAsync"/>, where the code must say why.
/// </summary>
public interface IUnitOfWork
{
    /// <summary>
    /// Begins the command's transaction. Disposing the result without <see cref="CommitAsync"/> rolls back everything
    /// written since. Inside a transaction already begun (a command sent by a command), it joins that one.
    /// </summary>
    Task<IAsyncDisposable> BeginTransactionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs the domain-event handlers that must commit with the pending changes (before those are saved, so they
    /// neither see values the database gives nor find the command's unsaved rows by querying), saves everything at
    /// once, commits, then runs the handlers that act after the commit.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">Another writer changed or created the same data first.</exception>
    Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Saves the pending changes inside the command's transaction without committing, so that what the database
    /// gives (an event's growing id) is known before the handler answers. Commits nothing: the command still does.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">Another writer changed or created the same data first.</exception>
    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction of its own, committed before this returns, so that it stays done
    /// even when the command then fails (a counted sign-in attempt, a revoked token family). Allowed only before the
    /// command has written anything; the command goes on in a new transaction.
    /// </summary>
    Task CommitSeparatelyAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken);

    /// <summary>
    /// Records an event of a change made outside any aggregate (an account, kept in Identity's store), delivered like
    /// the events aggregates raise: to the handlers that commit with the change, then to those that act after it.
    /// </summary>
    void Raise(IDomainEvent domainEvent);
}

/// <summary>Raised by <see cref="IUnitOfWork"/> when a save lost a race; turned into a Conflict error.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? innerException = null)
    : Exception(message, innerException);

/// <summary>
/// Reads aggregates through Ardalis specifications. Everything <see cref="IReadRepositoryBase{T}"/> offers, plus
/// projections configured once per module with Mapster and translated to SQL.
/// </summary>
public interface IReadRepository<T> : IReadRepositoryBase<T>
    where T : class, IAggregateRoot
{
    /// <summary>What <paramref name="specification"/> selects, projected to <typeparamref name="TResult"/> in the query.</summary>
    Task<List<TResult>> ProjectToListAsync<TResult>(ISpecification<T> specification, CancellationToken cancellationToken = default);
}

/// <summary>
/// Reads and adds aggregates. It never saves: changes to loaded aggregates and added ones are saved together by
/// <see cref="IUnitOfWork"/> (which is why this is not Ardalis' <c>IRepositoryBase</c>, whose writes save at once).
/// </summary>
public interface IRepository<T> : IReadRepository<T>
    where T : class, IAggregateRoot
{
    void Add(T aggregate);

    /// <summary>Removes a loaded aggregate when the unit of work saves; one already removed by another writer is a conflict.</summary>
    void Remove(T aggregate);

    /// <summary>
    /// Removes every aggregate <paramref name="specification"/> selects (its criteria only), at once, in one statement
    /// inside the command's transaction, without loading them; one already removed by another writer is simply not
    /// counted. For rows nothing else refers to, such as outbox marks. Answers how many were removed.
    /// </summary>
    Task<int> RemoveAsync(ISpecification<T> specification, CancellationToken cancellationToken);
}
