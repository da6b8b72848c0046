using Roadmap.Domain.Catalog;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Contracts;

/// <summary>A roadmap the learner follows.</summary>
public sealed record EnrollmentDto(string RoadmapSlug, string RoadmapTitle, DateTimeOffset EnrolledAt);

/// <summary>What following did: <see cref="Created"/> is false when the learner already followed the roadmap.</summary>
public sealed record FollowRoadmapResult(EnrollmentDto Enrollment, bool Created);

/// <summary>A roadmap the learner follows, in their list, with the time of their last progress change.</summary>
public sealed record EnrollmentListItemDto(string RoadmapSlug, string RoadmapTitle, DateTimeOffset EnrolledAt, DateTimeOffset? LastActivityAt);

/// <summary>The learner's progress on every live topic of a roadmap's current version, in roadmap order.</summary>
public sealed record RoadmapProgressDto(string RoadmapSlug, int RoadmapVersion, IReadOnlyList<TopicProgressDto> Topics);

/// <summary>Progress on one topic; an untouched one is NotStarted at version 0 with no updatedAt.</summary>
public sealed record TopicProgressDto(
    Guid TopicId,
    string Topic,
    string Section,
    ProgressStatus Status,
    string? Note,
    DateTimeOffset? UpdatedAt,
    int Version);

/// <summary>Progress on a topic after a write, with the event it appended (null when nothing changed).</summary>
public sealed record TopicProgressUpdateDto(
    Guid TopicId,
    string Topic,
    string Section,
    ProgressStatus Status,
    string? Note,
    DateTimeOffset? UpdatedAt,
    int Version,
    long? EventId);

/// <summary>One change of progress; <see cref="Topic"/> is the topic's slug at the time.</summary>
public sealed record ProgressEventDto(long EventId, Guid TopicId, string Topic, ProgressStatus From, ProgressStatus To, DateTimeOffset OccurredAt);

/// <summary>What to learn next, in roadmap order.</summary>
public sealed record NextTopicsDto(IReadOnlyList<NextTopicDto> Items);

/// <summary>A topic ready to learn: every prerequisite is Done or Skipped, and it is neither.</summary>
public sealed record NextTopicDto(
    Guid TopicId,
    string Topic,
    string Section,
    string Title,
    TopicKind Kind,
    Difficulty Difficulty,
    int EstimatedMinutes,
    ProgressStatus Status);

/// <summary>What a batch did: how many topics changed and how many were already so, and each topic's progress now.</summary>
public sealed record ProgressBatchResultDto(int Updated, int Unchanged, IReadOnlyList<TopicProgressUpdateDto> Items);

/// <summary>
/// The learner's progress per local day in <see cref="TimeZone"/> (their profile's), from <see cref="From"/> to
/// <see cref="To"/> inclusive: only the days with at least one change, oldest first.
/// </summary>
public sealed record ActivityDto(string TimeZone, DateOnly From, DateOnly To, IReadOnlyList<ActivityDayDto> Days);

/// <summary>One local day: the progress changes made on it, and how many of them moved a topic to Done.</summary>
public sealed record ActivityDayDto(DateOnly Date, int Changes, int Done);

/// <summary>What an import did: how many topics changed, how many were left as they were, and the topics not found.</summary>
/// <param name="Unknown">The document's topics (as it names them) that are no live topic of the roadmap.</param>
public sealed record ProgressImportResultDto(int Updated, int Unchanged, IReadOnlyList<string> Unknown);
