using Ardalis.Specification;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Insights;

namespace Roadmap.Application.Insights.AuthorInsights;

/// <summary>A roadmap's insights row (tracked unless <paramref name="readOnly"/>).</summary>
public sealed class RoadmapInsightsSpec : Specification<RoadmapInsights>, ISingleResultSpecification<RoadmapInsights>
{
    public RoadmapInsightsSpec(Guid roadmapId, bool readOnly = false)
    {
        Query.Where(i => i.RoadmapId == roadmapId);
        if (readOnly)
        {
            Query.AsNoTracking();
        }
    }
}

/// <summary>Every stats row of a roadmap (learners who left included: the caller keeps the followers), only what completion needs.</summary>
public sealed class StatsCompletionsOfRoadmapSpec : Specification<LearnerRoadmapStats, StoredCompletion>
{
    public StatsCompletionsOfRoadmapSpec(Guid roadmapId)
    {
        Query.Where(s => s.RoadmapId == roadmapId).AsNoTracking();
        Query.Select(s => new StoredCompletion(s.LearnerId, s.PercentComplete, s.Sections));
    }
}

public sealed record StoredCompletion(Guid LearnerId, double PercentComplete, IReadOnlyList<SectionStats> Sections);

/// <summary>
/// The ids of the roadmaps learners may follow (published) or still follow and write progress on (archived), untracked.
/// </summary>
public sealed class FollowedRoadmapIdsSpec : Specification<LearningRoadmap, Guid>
{
    public FollowedRoadmapIdsSpec()
    {
        Query.Where(r => r.Status == RoadmapStatus.Published || r.Status == RoadmapStatus.Archived).OrderBy(r => r.Id).AsNoTracking();
        Query.Select(r => r.Id);
    }
}
