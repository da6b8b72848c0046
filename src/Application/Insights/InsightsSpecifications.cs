using Ardalis.Specification;
using Roadmap.Domain.Insights;

namespace Roadmap.Application.Insights;

/// <summary>The oldest pending marks, at most <paramref name="take"/>, untracked.</summary>
public sealed class PendingStatsMarksSpec : Specification<StatsMark>
{
    public PendingStatsMarksSpec(int take) => Query.OrderBy(m => m.MarkedAt).ThenBy(m => m.Id).Take(take).AsNoTracking();
}

/// <summary>These marks, tracked (to remove them).</summary>
public sealed class StatsMarksByIdsSpec : Specification<StatsMark>
{
    public StatsMarksByIdsSpec(IReadOnlyCollection<Guid> ids) => Query.Where(m => ids.Contains(m.Id));
}

/// <summary>One learner's stats on one roadmap (tracked unless <paramref name="readOnly"/>).</summary>
public sealed class LearnerRoadmapStatsSpec : Specification<LearnerRoadmapStats>, ISingleResultSpecification<LearnerRoadmapStats>
{
    public LearnerRoadmapStatsSpec(Guid learnerId, Guid roadmapId, bool readOnly = false)
    {
        Query.Where(s => s.LearnerId == learnerId && s.RoadmapId == roadmapId);
        if (readOnly)
        {
            Query.AsNoTracking();
        }
    }
}

/// <summary>The stats rows of these learners on a roadmap, tracked.</summary>
public sealed class RoadmapStatsOfLearnersSpec : Specification<LearnerRoadmapStats>
{
    public RoadmapStatsOfLearnersSpec(Guid roadmapId, IReadOnlyCollection<Guid> learnerIds) =>
        Query.Where(s => s.RoadmapId == roadmapId && learnerIds.Contains(s.LearnerId));
}
