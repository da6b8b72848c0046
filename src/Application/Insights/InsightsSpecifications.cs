using Ardalis.Specification;
using Roadmap.Domain.Insights;
using Roadmap.Domain.Learning;

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

/// <summary>
/// Who is enrolled where — in a roadmap, of a learner, or all — a page in a stable order (by id), untracked.
/// </summary>
public sealed class EnrolledLearnersSpec : Specification<Enrollment, LearnerAndRoadmap>
{
    public EnrolledLearnersSpec(Guid? roadmapId, Guid? learnerId, int skip, int take)
    {
        var roadmap = roadmapId.GetValueOrDefault();
        var learner = learnerId.GetValueOrDefault();
        Query.Where(e => e.RoadmapId == roadmap, roadmapId.HasValue)
            .Where(e => e.LearnerId == learner, learnerId.HasValue)
            .OrderBy(e => e.Id)
            .Skip(skip)
            .Take(take)
            .AsNoTracking();
        Query.Select(e => new LearnerAndRoadmap(e.LearnerId, e.RoadmapId));
    }
}

public sealed record LearnerAndRoadmap(Guid LearnerId, Guid RoadmapId);
