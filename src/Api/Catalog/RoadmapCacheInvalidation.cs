using System.Collections.Concurrent;
using MediatR;
using Microsoft.AspNetCore.OutputCaching;
using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Catalog;

namespace Roadmap.Api.Catalog;

/// <summary>
/// The newest revision of each roadmap this node knows of: from the changes it committed and the reads it served.
/// Cached reads are keyed by it, so once a change is known no older answer is served or stored again.
/// </summary>
internal sealed class RoadmapRevisions
{
    private readonly ConcurrentDictionary<string, int> _latest = new(StringComparer.Ordinal);

    public int Latest(string slug) => _latest.GetValueOrDefault(slug);

    public void Advance(string slug, int revision) => _latest.AddOrUpdate(slug, revision, (_, known) => Math.Max(known, revision));
}

/// <summary>Once a change of what readers see is committed, drops the cached reads of that roadmap.</summary>
internal sealed class RoadmapCacheInvalidation(IOutputCacheStore cache, RoadmapRevisions revisions)
    : INotificationHandler<AfterCommit<RoadmapPublishedDomainEvent>>,
        INotificationHandler<AfterCommit<RoadmapVersionPublishedDomainEvent>>,
        INotificationHandler<AfterCommit<RoadmapArchivedDomainEvent>>
{
    public static string Tag(string slug) => $"roadmap:{slug}";

    public Task Handle(AfterCommit<RoadmapPublishedDomainEvent> notification, CancellationToken cancellationToken) =>
        Evict(notification.DomainEvent, cancellationToken);

    public Task Handle(AfterCommit<RoadmapVersionPublishedDomainEvent> notification, CancellationToken cancellationToken) =>
        Evict(notification.DomainEvent, cancellationToken);

    public Task Handle(AfterCommit<RoadmapArchivedDomainEvent> notification, CancellationToken cancellationToken) =>
        Evict(notification.DomainEvent, cancellationToken);

    private async Task Evict(IRoadmapDomainEvent change, CancellationToken cancellationToken)
    {
        // First the revision (new lookups and storage use it), then the entries (memory).
        revisions.Advance(change.Slug, change.Revision);
        await cache.EvictByTagAsync(Tag(change.Slug), cancellationToken);
    }
}
