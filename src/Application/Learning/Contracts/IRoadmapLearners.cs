using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Contracts;

/// <summary>
/// What other modules (Insights) may read of everyone following a roadmap, as values, in a few set-based queries
/// however many learners follow it. "Following": an active enrollment; a learner who left is not counted, whatever
/// progress they keep.
/// </summary>
public interface IRoadmapLearners
{
    /// <summary>The learners following <paramref name="roadmapId"/>.</summary>
    Task<IReadOnlyList<Guid>> ListFollowersAsync(Guid roadmapId, CancellationToken cancellationToken);

    /// <summary>
    /// How many learners following <paramref name="roadmapId"/> moved a topic of it (retired ones included) to
    /// InProgress or Done at or after <paramref name="since"/>.
    /// </summary>
    Task<int> CountFollowersActiveSinceAsync(Guid roadmapId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Per topic of <paramref name="roadmapId"/> (retired ones included), how many following learners have it at <paramref name="status"/>; topics with none are left out.</summary>
    Task<IReadOnlyDictionary<Guid, int>> CountFollowersByTopicAsync(Guid roadmapId, ProgressStatus status, CancellationToken cancellationToken);

    /// <summary>
    /// The following learners' changes that moved a topic of <paramref name="roadmapId"/> to InProgress or Done, each
    /// learner's together and in the order they happened (by event id), streamed: read them to the end before the next
    /// query.
    /// </summary>
    IAsyncEnumerable<LearnerStatusChange> ReadFollowersActivityAsync(Guid roadmapId, CancellationToken cancellationToken);
}

/// <summary>A learner's change of a topic's status, when it happened.</summary>
public sealed record LearnerStatusChange(Guid LearnerId, Guid TopicId, ProgressStatus From, ProgressStatus To, DateTimeOffset OccurredAt);
