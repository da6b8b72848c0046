using Ardalis.Specification;
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
}
