using Roadmap.Domain.Common;

namespace Roadmap.Domain.Catalog;

/// <summary>A roadmap fact; <see cref="Revision"/> is the roadmap's revision once the fact happened.</summary>
public interface IRoadmapDomainEvent : IDomainEvent
{
    Guid RoadmapId { get; }

    string Slug { get; }

    int Revision { get; }
}

/// <summary>A draft was created; only Authors and Admins see it.</summary>
public sealed record RoadmapCreatedDomainEvent(Guid RoadmapId, string Slug, int Revision, DateTimeOffset OccurredAt) : IRoadmapDomainEvent;

/// <summary>A draft's content changed (no version: learners never saw it).</summary>
public sealed record RoadmapDraftChangedDomainEvent(Guid RoadmapId, string Slug, int Revision, DateTimeOffset OccurredAt) : IRoadmapDomainEvent;

/// <summary>A draft became public as version 1: learners may follow it from now on.</summary>
public sealed record RoadmapPublishedDomainEvent(Guid RoadmapId, string Slug, int Version, int Revision, DateTimeOffset OccurredAt)
    : IRoadmapDomainEvent;

/// <summary>
/// A public roadmap's content changed and became version <see cref="Version"/>: topics added (new, or back from
/// retirement), renamed (a new slug; their former slugs still answer) and retired, by their stable ids.
/// </summary>
public sealed record RoadmapVersionPublishedDomainEvent(
    Guid RoadmapId,
    string Slug,
    int Version,
    int Revision,
    IReadOnlyList<Guid> TopicsAdded,
    IReadOnlyList<Guid> TopicsRenamed,
    IReadOnlyList<Guid> TopicsRetired,
    DateTimeOffset OccurredAt) : IRoadmapDomainEvent;

/// <summary>A roadmap left the public catalog; its learners keep their history and can still read it.</summary>
public sealed record RoadmapArchivedDomainEvent(Guid RoadmapId, string Slug, int Version, int Revision, DateTimeOffset OccurredAt)
    : IRoadmapDomainEvent;
