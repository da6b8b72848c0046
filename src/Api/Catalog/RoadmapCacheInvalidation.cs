using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.OutputCaching;
using Roadmap.Api.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Catalog;
using Roadmap.Infrastructure.Common.Cluster;

namespace Roadmap.Api.Catalog;

/// <summary>
/// Once a change of what readers see is committed, drops the cached reads of that roadmap, and tells the other nodes
/// its new revision (<see cref="RoadmapChangeMessages"/>).
/// </summary>
internal sealed class RoadmapCacheInvalidation(IOutputCacheStore cache, RoadmapRevisions revisions, INodeMessages messages)
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
        messages.Publish(RoadmapChangeMessages.Topic, RoadmapChangeMessages.Format(change.Slug, change.Revision));
    }
}

/// <summary>
/// Another node committed a change of a roadmap: this node learns its revision, so it no longer looks up or stores an
/// answer older than that. A read that raced the change on this node may have stored its old answer (in the shared
/// cache too) under the old revision after the other node's eviction: once the revision is known here, that entry is
/// never looked up again. The entries are dropped once more, for this node's memory while Redis is down.
/// </summary>
internal sealed class RoadmapChangeMessages(IOutputCacheStore cache, RoadmapRevisions revisions) : INodeMessageHandler
{
    public const string Topic = "roadmaps";

    string INodeMessageHandler.Topic => Topic;

    public static string Format(string slug, int revision) =>
        $"{revision.ToString(CultureInfo.InvariantCulture)} {slug}";

    public void Handle(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var space = message.IndexOf(' ', StringComparison.Ordinal);
        var revision = int.Parse(message.AsSpan(0, Math.Max(space, 0)), CultureInfo.InvariantCulture);
        var slug = message[(space + 1)..];
        revisions.Advance(slug, revision);
        _ = cache.EvictByTagAsync(RoadmapCacheInvalidation.Tag(slug), CancellationToken.None).AsTask();
    }

    /// <summary>
    /// Messages may have been missed while the subscription was down, and with them a revision this node does not know:
    /// an answer of a read that raced that change, stored under the old revision after the changing node's eviction,
    /// would be served from here until it expires. Every roadmap this node knows is dropped, here and in Redis.
    /// </summary>
    public void Resync()
    {
        foreach (var slug in revisions.Known)
        {
            _ = cache.EvictByTagAsync(RoadmapCacheInvalidation.Tag(slug), CancellationToken.None).AsTask();
        }
    }
}
