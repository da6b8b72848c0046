using Roadmap.Domain.Common;

namespace Roadmap.Domain.Learning;

/// <summary>
/// One effective change of a learner's progress, appended and never changed: the history stats are built from.
/// <see cref="EventId"/> is given by the database and grows across all learners, so "everything up to event N"
/// means something. The topic's slug is the one it had at the time.
/// </summary>
public sealed class ProgressEvent : IAggregateRoot
{
    private ProgressEvent()
    {
        TopicSlug = string.Empty;
    }

    private ProgressEvent(TopicProgressChangedDomainEvent change, string topicSlug)
    {
        LearnerId = change.LearnerId;
        RoadmapId = change.RoadmapId;
        TopicId = change.TopicId;
        TopicSlug = topicSlug;
        From = change.From;
        To = change.To;
        OccurredAt = change.OccurredAt;
    }

    /// <summary>0 until saved.</summary>
    public long EventId { get; private set; }

    public Guid LearnerId { get; private set; }

    public Guid RoadmapId { get; private set; }

    public Guid TopicId { get; private set; }

    public string TopicSlug { get; private set; }

    public ProgressStatus From { get; private set; }

    public ProgressStatus To { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The event recording <paramref name="change"/> of the topic then called <paramref name="topicSlug"/>.</summary>
    public static ProgressEvent Record(TopicProgressChangedDomainEvent change, string topicSlug)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentException.ThrowIfNullOrEmpty(topicSlug);
        return new ProgressEvent(change, topicSlug);
    }
}
