using Ardalis.Specification;
using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Common;
using Roadmap.Domain.Insights;

namespace Roadmap.Application.Insights.Marking;

/// <summary>
/// Whether stats rows of the roadmap still count a version older than its current one while no stats mark is pending
/// for it: what a node leaves that dies between a new version's commit and the enqueue of the recalculation it needs
/// (<see cref="RecalculateLearnersOfNewVersion"/>), so its learners must be marked again. While a recalculation of
/// the roadmap is under way its marks are pending, so it is mostly not started again; it can be while the job that
/// marks the learners has not marked them all (none yet, or earlier batches already drained): the same figures, for
/// twice the work. False for an unknown roadmap.
/// </summary>
public sealed record StatsBehindVersionQuery(Guid RoadmapId) : IQuery<Result<bool>>;

internal sealed class StatsBehindVersionQueryHandler(ICatalogReader catalog, IReadRepository<LearnerRoadmapStats> stats, IReadRepository<StatsMark> marks)
    : IRequestHandler<StatsBehindVersionQuery, Result<bool>>
{
    public async Task<Result<bool>> Handle(StatsBehindVersionQuery request, CancellationToken cancellationToken)
    {
        // Marks first: a drain's round removes its marks in the transaction that updates their rows, so rows read after
        // marks were seen gone include that round.
        if (await marks.AnyAsync(new StatsMarksOfRoadmapSpec(request.RoadmapId), cancellationToken))
        {
            return false;
        }

        var outline = await catalog.GetRoadmapOutlineAsync(request.RoadmapId, cancellationToken);
        return outline is not null && await stats.AnyAsync(new StatsOfOlderVersionSpec(outline.Id, outline.Version), cancellationToken);
    }
}

/// <summary>Stats rows of a roadmap calculated for a version older than <paramref name="version"/>.</summary>
public sealed class StatsOfOlderVersionSpec : Specification<LearnerRoadmapStats>
{
    public StatsOfOlderVersionSpec(Guid roadmapId, int version) =>
        Query.Where(s => s.RoadmapId == roadmapId && s.RoadmapVersion < version).AsNoTracking();
}

/// <summary>The pending stats marks of a roadmap.</summary>
public sealed class StatsMarksOfRoadmapSpec : Specification<StatsMark>
{
    public StatsMarksOfRoadmapSpec(Guid roadmapId) => Query.Where(m => m.RoadmapId == roadmapId).AsNoTracking();
}
