using MediatR;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Common.Messaging;

/// <summary>A request that changes state; the unit-of-work behaviour saves it when it succeeds.</summary>
public interface ICommand<TResponse> : IRequest<TResponse>
    where TResponse : IResult;

/// <summary>A request that only reads.</summary>
public interface IQuery<TResponse> : IRequest<TResponse>
    where TResponse : IResult;

/// <summary>Carries a domain event through MediatR once the change that raised it is saved.</summary>
public sealed record DomainEventNotification<TEvent>(TEvent DomainEvent) : INotification
    where TEvent : IDomainEvent;
