using Ardalis.Specification;
using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Common;
using Roadmap.Domain.Insights;

namespace Roadmap.Application.Insights.Marking;

/// <summary>
/// Whether a stats row of the roadmap still counts a version older than its current one while no stats mark is pending
/// for its learner: what a node leaves that dies between a new version's commit and the enqueue of the recalculation it
/// needs (<see cref="RecalculateLearnersOfNewVersion"/>), so its learners must be marked again. A row whose learner has a
/// mark pending is left to the drain (its rebuild counts the current version), so a recalculation under way is mostly not
/// started again, and other learners' marks (progress written meanwhile) do not hide a row left behind. It can be while
/// the job that marks the learners has not marked them all: the same figures, for twice the work. False for an unknown
/// roadmap.
/// </summary>
public sealed record StatsBehindVersionQuery(Guid RoadmapId) : IQuery<Result<bool>>;

internal sealed class StatsBehindVersionQueryHandler(ICatalogReader catalog, IReadRepository<LearnerRoadmapStats> stats, IReadRepository<StatsMark> marks)
    : IRequestHandler<StatsBehindVersionQuery, Result<bool>>
{
    public async Task<Result<bool>> Handle(StatsBehindVersionQuery request, CancellationToken cancellationToken)
    {
        // Marks first: a drain's round removes its marks in the transaction that updates their rows, so rows read after
        // a learner's mark was seen gone include that round.
        var marked = (await marks.ListAsync(new MarkedLearnersOfRoadmapSpec(request.RoadmapId), cancellationToken)).ToHashSet();
        var outline = await catalog.GetRoadmapOutlineAsync(request.RoadmapId, cancellationToken);
        if (outline is null)
        {
            return false;
        }

        var behind = await stats.ListAsync(new LearnersOfOlderVersionSpec(outline.Id, outline.Version), cancellationToken);
        return behind.Exists(learner => !marked.Contains(learner));
    }
}

/// <summary>The learners whose stats rows on a roadmap were calculated for a version older than <paramref name="version"/>.</summary>
public sealed class LearnersOfOlderVersionSpec : Specification<LearnerRoadmapStats, Guid>
{
    public LearnersOfOlderVersionSpec(Guid roadmapId, int version)
    {
        Query.Where(s => s.RoadmapId == roadmapId && s.RoadmapVersion < version).AsNoTracking();
        Query.Select(s => s.LearnerId);
    }
}

/// <summary>The learners with a stats mark pending on a roadmap.</summary>
public sealed class MarkedLearnersOfRoadmapSpec : Specification<StatsMark, Guid>
{
    public MarkedLearnersOfRoadmapSpec(Guid roadmapId)
    {
        Query.Where(m => m.RoadmapId == roadmapId).AsNoTracking();
        Query.Select(m => m.LearnerId);
    }
}
