using MediatR;
using Microsoft.EntityFrameworkCore;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Common;

namespace Roadmap.Infrastructure.Common.Persistence;

/// <summary>Saves the scope's changes in one transaction, then publishes the domain events they raised.</summary>
internal sealed class EfUnitOfWork(RoadmapDbContext db, IMediator mediator) : IUnitOfWork
{
    public async Task SaveChangesAsync(CancellationToken cancellationToken)
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

        var events = aggregates.SelectMany(a => a.DomainEvents).ToList();
        aggregates.ForEach(a => a.ClearDomainEvents());

        // The change is committed: a client giving up now must not stop what follows from it (cache eviction).
        foreach (var domainEvent in events)
        {
            var notification = (INotification)Activator.CreateInstance(
                typeof(DomainEventNotification<>).MakeGenericType(domainEvent.GetType()), domainEvent)!;
            await mediator.Publish(notification, CancellationToken.None);
        }
    }
}
