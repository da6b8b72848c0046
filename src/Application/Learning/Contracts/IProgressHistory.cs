using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Contracts;

/// <summary>
/// What other modules (Insights) may read of many learners' progress at once, as values: on every roadmap they touched,
/// their statuses and their changes. Read in two set-based queries per chunk of learners however many are asked for,
/// so stats for thousands of learners are rebuilt without a query per learner.
/// </summary>
public interface IProgressHistory
{
    /// <summary>Every learner of <paramref name="learnerIds"/>, with or without progress.</summary>
    Task<IReadOnlyDictionary<Guid, LearnerProgress>> ReadAsync(IReadOnlyCollection<Guid> learnerIds, CancellationToken cancellationToken);
}

/// <summary>A learner's progress on each roadmap they touched (a roadmap left keeps its progress).</summary>
public sealed record LearnerProgress(IReadOnlyDictionary<Guid, LearnerHistory> Roadmaps)
{
    /// <summary>The learner's progress on <paramref name="roadmapId"/>; none when untouched.</summary>
    public LearnerHistory On(Guid roadmapId) => Roadmaps.GetValueOrDefault(roadmapId) ?? LearnerHistory.None;

    /// <summary>The largest event id of all the learner's changes (0: none).</summary>
    public long LastEventId => Roadmaps.Values.Select(h => h.LastEventId).DefaultIfEmpty().Max();
}

/// <summary>
/// One learner's progress on a roadmap: the status of each topic they touched (retired ones included), every change
/// (oldest first), and the largest event id among them (0: none).
/// </summary>
public sealed record LearnerHistory(
    IReadOnlyDictionary<Guid, ProgressStatus> Statuses,
    IReadOnlyList<TopicStatusChange> Changes,
    long LastEventId)
{
    public static readonly LearnerHistory None = new(new Dictionary<Guid, ProgressStatus>(), [], 0);
}

/// <summary>A change of a topic's status (or of its note alone, when <see cref="From"/> equals <see cref="To"/>), when it happened.</summary>
public sealed record TopicStatusChange(Guid TopicId, ProgressStatus From, ProgressStatus To, DateTimeOffset OccurredAt);
