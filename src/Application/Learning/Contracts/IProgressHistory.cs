using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Contracts;

/// <summary>
/// What other modules (Insights) may read of many learners' progress on a roadmap at once, as values: their statuses,
/// the changes that made a day active, and how far their history goes. Read in a few set-based queries however many
/// learners are asked for, so stats for thousands of learners are rebuilt without a query per learner.
/// </summary>
public interface IProgressHistory
{
    /// <summary>Every learner of <paramref name="learnerIds"/> (with or without progress) on <paramref name="roadmapId"/>.</summary>
    Task<IReadOnlyDictionary<Guid, LearnerHistory>> ReadAsync(Guid roadmapId, IReadOnlyCollection<Guid> learnerIds, CancellationToken cancellationToken);

    /// <summary>
    /// Every learner of <paramref name="learnerIds"/>'s changes on every roadmap that moved a topic to InProgress or Done
    /// (oldest first), and the largest event id among those changes (0: none): what streaks across roadmaps are built from.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, LearnerActivity>> ReadActivityAsync(IReadOnlyCollection<Guid> learnerIds, CancellationToken cancellationToken);
}

/// <summary>A learner's activity on every roadmap, and the largest event id in it.</summary>
public sealed record LearnerActivity(IReadOnlyList<TopicStatusChange> Activity, long LastEventId);

/// <summary>
/// One learner's progress on a roadmap: the status of each topic they touched (retired ones included), the changes
/// that moved a topic to InProgress or Done (oldest first), and the largest event id of all their changes there (0: none).
/// </summary>
public sealed record LearnerHistory(
    IReadOnlyDictionary<Guid, ProgressStatus> Statuses,
    IReadOnlyList<TopicStatusChange> Activity,
    long LastEventId);

/// <summary>A change of a topic's status, when it happened.</summary>
public sealed record TopicStatusChange(Guid TopicId, ProgressStatus From, ProgressStatus To, DateTimeOffset OccurredAt);
