using MediatR;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Common.Messaging;

/// <summary>A request that changes state, in one transaction committed only when it succeeds.</summary>
public interface ICommand<TResponse> : IRequest<TResponse>
    where TResponse : IResult;

/// <summary>A request that only reads.</summary>
public interface IQuery<TResponse> : IRequest<TResponse>
    where TResponse : IResult;

/// <summary>
/// A domain event delivered inside the command's transaction, before it commits: what its handlers write (e.g. a
/// mark another module keeps) commits with the change that raised it, or not at all.
/// </summary>
public sealed record BeforeCommit<TEvent>(TEvent DomainEvent) : INotification
    where TEvent : IDomainEvent;

/// <summary>
/// A domain event delivered once the change that raised it is committed (cache eviction and the like). Its handlers
/// must not write to the database: nothing would commit it.
/// </summary>
public sealed record AfterCommit<TEvent>(TEvent DomainEvent) : INotification
    where TEvent : IDomainEvent;

/// <summary>
/// A command whose whole read-modify-write is safe to run again when it lost a race to another writer (it reads
/// everything it decides on inside its transaction). It is retried instead of answering a Conflict.
/// </summary>
public interface IRetryOnConflict
{
    /// <summary>The code of the Conflict a lost race becomes.</summary>
    const string ConcurrencyConflictCode = "concurrency_conflict";
}
