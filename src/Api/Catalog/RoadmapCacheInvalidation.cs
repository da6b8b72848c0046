using MediatR;
using Microsoft.AspNetCore.OutputCaching;
using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Catalog;

namespace Roadmap.Api.Catalog;

/// <summary>Drops the cached reads of a roadmap as soon as its change is saved.</summary>
internal sealed class RoadmapCacheInvalidation(IOutputCacheStore cache)
    : INotificationHandler<DomainEventNotification<RoadmapChangedDomainEvent>>
{
    public static string Tag(string slug) => $"roadmap:{slug}";

    public Task Handle(DomainEventNotification<RoadmapChangedDomainEvent> notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return cache.EvictByTagAsync(Tag(notification.DomainEvent.Slug), cancellationToken).AsTask();
    }
}
