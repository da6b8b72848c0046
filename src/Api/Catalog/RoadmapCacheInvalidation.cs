using MediatR;
using Microsoft.AspNetCore.OutputCaching;
using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Catalog;

namespace Roadmap.Api.Catalog;

/// <summary>Drops the cached reads of a roadmap as soon as its change is saved.</summary>
internal sealed class RoadmapCacheInvalidation(IOutputCacheStore cache)
    : INotificationHandler<AfterCommit<RoadmapChangedDomainEvent>>
{
    public static string Tag(string slug) => $"roadmap:{slug}";

    /// <summary>A read that started before the save may store its old answer just after the eviction; evict again then.</summary>
    private static readonly TimeSpan SecondEviction = TimeSpan.FromSeconds(2);

    public async Task Handle(AfterCommit<RoadmapChangedDomainEvent> notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var tag = Tag(notification.DomainEvent.Slug);
        await cache.EvictByTagAsync(tag, cancellationToken);
        _ = Task.Run(
            async () =>
            {
                await Task.Delay(SecondEviction, CancellationToken.None);
                await cache.EvictByTagAsync(tag, CancellationToken.None);
            },
            CancellationToken.None);
    }
}
