using Roadmap.Domain.Common;

namespace Roadmap.Domain.Learning;

/// <summary>A learner started (or started again) to follow a roadmap.</summary>
public sealed record RoadmapFollowedDomainEvent(Guid LearnerId, Guid RoadmapId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A learner stopped following a roadmap; their progress is kept.</summary>
public sealed record RoadmapLeftDomainEvent(Guid LearnerId, Guid RoadmapId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>
/// A learner's progress on a topic changed: its status (<see cref="From"/> → <see cref="To"/>), its note, or both;
/// a change of the note alone has <see cref="From"/> equal to <see cref="To"/>. <see cref="Version"/> is the
/// progress's version after the change.
/// </summary>
public sealed record TopicProgressChangedDomainEvent(
    Guid LearnerId,
    Guid RoadmapId,
    Guid TopicId,
    ProgressStatus From,
    ProgressStatus To,
    int Version,
    DateTimeOffset OccurredAt) : IDomainEvent;
