using Roadmap.Domain.Common;

namespace Roadmap.Domain.Catalog;

/// <summary>A roadmap's content or status changed: cached reads of it are stale.</summary>
public sealed record RoadmapChangedDomainEvent(
    Guid RoadmapId,
    string Slug,
    RoadmapStatus Status,
    int Version,
    DateTimeOffset OccurredAt) : IDomainEvent;
