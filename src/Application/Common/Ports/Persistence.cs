using Roadmap.Application.Common.Specifications;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Common.Ports;

/// <summary>The current time; injected so handlers and tests agree on "now".</summary>
public interface IClock
{
    DateTimeOffset UtcNow { get; }
}

/// <summary>Saves every change made in the current scope at once.</summary>
public interface IUnitOfWork
{
    /// <exception cref="ConcurrencyConflictException">Another writer changed or created the same data first.</exception>
    Task SaveChangesAsync(CancellationToken cancellationToken);
}

/// <summary>Raised by <see cref="IUnitOfWork"/> when a save lost a race; turned into a Conflict error.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? innerException = null)
    : Exception(message, innerException);

/// <summary>Reads aggregates through specifications (shaped like Ardalis.Specification's read repository).</summary>
public interface IReadRepository<T>
    where T : class, IAggregateRoot
{
    Task<T?> FirstOrDefaultAsync(Specification<T> specification, CancellationToken cancellationToken);

    Task<TResult?> FirstOrDefaultAsync<TResult>(Specification<T, TResult> specification, CancellationToken cancellationToken);

    Task<List<T>> ListAsync(Specification<T> specification, CancellationToken cancellationToken);

    Task<List<TResult>> ListAsync<TResult>(Specification<T, TResult> specification, CancellationToken cancellationToken);

    /// <summary>Counts what the specification's criteria select, ignoring its paging.</summary>
    Task<int> CountAsync(Specification<T> specification, CancellationToken cancellationToken);

    Task<bool> AnyAsync(Specification<T> specification, CancellationToken cancellationToken);
}

/// <summary>Reads and adds aggregates; changes to loaded aggregates are saved by <see cref="IUnitOfWork"/>.</summary>
public interface IRepository<T> : IReadRepository<T>
    where T : class, IAggregateRoot
{
    void Add(T aggregate);
}
