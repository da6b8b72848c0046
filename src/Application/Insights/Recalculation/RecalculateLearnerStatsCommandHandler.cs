using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Common;
using Roadmap.Domain.Insights;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Insights.Recalculation;

internal sealed class RecalculateLearnerStatsCommandHandler(
    ICatalogReader catalog,
    IReadRepository<TopicProgress> progress,
    IReadRepository<ProgressEvent> events,
    IRepository<LearnerRoadmapStats> stats,
    IRepository<StatsMark> marks,
    ILearnerProfiles profiles,
    IClock clock) : IRequestHandler<RecalculateLearnerStatsCommand, Result<bool>>
{
    public async Task<Result<bool>> Handle(RecalculateLearnerStatsCommand request, CancellationToken cancellationToken)
    {
        // The marks first: this transaction now includes every change made before them.
        foreach (var mark in request.MarkIds.Count > 0 ? await marks.ListAsync(new StatsMarksByIdsSpec(request.MarkIds), cancellationToken) : [])
        {
            marks.Remove(mark);
        }

        var outline = await catalog.GetRoadmapOutlineAsync(request.RoadmapId, cancellationToken);
        if (outline is null)
        {
            return false;
        }

        var source = await SourceAsync(outline, request, cancellationToken);
        var profile = (await profiles.FindAsync(new[] { request.LearnerId }, cancellationToken)).GetValueOrDefault(request.LearnerId);
        var zone = LocalCalendar.Zone(profile?.TimeZone);
        var now = clock.UtcNow;

        var row = await stats.SingleOrDefaultAsync(new LearnerRoadmapStatsSpec(request.LearnerId, request.RoadmapId), cancellationToken);
        if (row is null)
        {
            stats.Add(LearnerRoadmapStats.Calculate(request.LearnerId, request.RoadmapId, source, zone, now));
            return true;
        }

        return row.Recalculate(source, zone, now);
    }

    private async Task<StatsSource> SourceAsync(RoadmapOutline outline, RecalculateLearnerStatsCommand request, CancellationToken cancellationToken)
    {
        var statuses = (await progress.ListAsync(new StatusesForStatsSpec(request.LearnerId, request.RoadmapId), cancellationToken))
            .ToDictionary(s => s.TopicId, s => s.Status);
        var history = await events.ListAsync(new EventsForStatsSpec(request.LearnerId, request.RoadmapId), cancellationToken);
        return outline.ToStatsSource(statuses, history);
    }
}
