using Roadmap.Domain.Common;

namespace Roadmap.Domain.Insights;

/// <summary>
/// "This learner's stats on this roadmap are out of date": written in the transaction of the progress change that
/// made them so (an outbox), and removed by the recalculation that includes it. Marks are only ever added, so writers
/// never contend on them; a recalculation coalesces every mark of its learner and roadmap.
/// </summary>
public sealed class StatsMark : AggregateRoot
{
    private StatsMark()
    {
    }

    private StatsMark(Guid learnerId, Guid roadmapId, DateTimeOffset markedAt)
    {
        Id = Guid.CreateVersion7();
        LearnerId = learnerId;
        RoadmapId = roadmapId;
        MarkedAt = markedAt;
    }

    public Guid LearnerId { get; private set; }

    public Guid RoadmapId { get; private set; }

    public DateTimeOffset MarkedAt { get; private set; }

    public static StatsMark For(Guid learnerId, Guid roadmapId, DateTimeOffset now) => new(learnerId, roadmapId, now);
}
