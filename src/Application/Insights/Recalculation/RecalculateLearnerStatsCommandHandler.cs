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
    IRepository<LearnerStreaks> streaks,
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
        bool applied;
        if (row is null)
        {
            stats.Add(LearnerRoadmapStats.Calculate(request.LearnerId, request.RoadmapId, source, zone, now));
            applied = true;
        }
        else
        {
            applied = row.Recalculate(source, zone, now);
        }

        await RecalculateStreaksAsync(request.LearnerId, zone, now, cancellationToken);
        return applied;
    }

    /// <summary>
    /// The learner's streaks across roadmaps, rebuilt in this same transaction from their activity on every roadmap: a
    /// roadmap row kept only its recent days, so the union of days (and its longest run) comes from the events.
    /// </summary>
    private async Task RecalculateStreaksAsync(Guid learnerId, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var activity = await events.ListAsync(new ActivityEventsForStreaksSpec(learnerId), cancellationToken);
        var history = activity.Select(e => new StatsEvent(e.TopicId, e.From, e.To, e.OccurredAt)).ToList();
        var lastEventId = activity.Count > 0 ? activity[^1].EventId : 0;
        var row = await streaks.SingleOrDefaultAsync(new LearnerStreaksSpec(learnerId), cancellationToken);
        if (row is null)
        {
            streaks.Add(LearnerStreaks.Calculate(learnerId, history, lastEventId, zone, now));
        }
        else
        {
            row.Recalculate(history, lastEventId, zone, now);
        }
    }

    private async Task<StatsSource> SourceAsync(RoadmapOutline outline, RecalculateLearnerStatsCommand request, CancellationToken cancellationToken)
    {
        var statuses = (await progress.ListAsync(new StatusesForStatsSpec(request.LearnerId, request.RoadmapId), cancellationToken))
            .ToDictionary(s => s.TopicId, s => s.Status);
        var history = await events.ListAsync(new EventsForStatsSpec(request.LearnerId, request.RoadmapId), cancellationToken);
        return outline.ToStatsSource(statuses, history);
    }
}
