using MediatR;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Common;
using Roadmap.Domain.Insights;

namespace Roadmap.Application.Insights.Recalculation;

/// <summary>The learners and roadmaps whose stats are marked out of date, from the oldest marks (at most <see cref="MaxMarks"/> read).</summary>
public sealed record ListPendingStatsQuery(int MaxMarks) : IQuery<Result<IReadOnlyList<PendingStats>>>;

/// <summary>A learner's stats on a roadmap to recalculate, with the marks a recalculation clears.</summary>
public sealed record PendingStats(Guid LearnerId, Guid RoadmapId, IReadOnlyList<Guid> MarkIds);

internal sealed class ListPendingStatsQueryHandler(IReadRepository<StatsMark> marks)
    : IRequestHandler<ListPendingStatsQuery, Result<IReadOnlyList<PendingStats>>>
{
    public async Task<Result<IReadOnlyList<PendingStats>>> Handle(ListPendingStatsQuery request, CancellationToken cancellationToken)
    {
        var pending = await marks.ListAsync(new PendingStatsMarksSpec(request.MaxMarks), cancellationToken);
        return pending
            .GroupBy(m => (m.LearnerId, m.RoadmapId))
            .Select(g => new PendingStats(g.Key.LearnerId, g.Key.RoadmapId, [.. g.Select(m => m.Id)]))
            .ToList();
    }
}
