using MediatR;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Insights;

namespace Roadmap.Application.Insights.Recalculation;

internal sealed class RecalculateStatsBatchCommandHandler(
    ICatalogReader catalog,
    IProgressHistory history,
    IReadRepository<LearnerRoadmapStats> stats,
    IRepository<StatsMark> marks,
    IReadRepository<LearnerStreaks> streaks,
    IStatsWriter writer,
    ILearnerProfiles profiles,
    IClock clock) : IRequestHandler<RecalculateStatsBatchCommand, Result<int>>
{
    public async Task<Result<int>> Handle(RecalculateStatsBatchCommand request, CancellationToken cancellationToken)
    {
        // The marks were listed before this command: every change they stand for is committed, so what is read below
        // includes it. A change made since has marks of its own, left for the next round.
        var learners = request.Items.Select(i => i.LearnerId).Distinct().ToArray();
        var zones = (await profiles.FindAsync(learners, cancellationToken)).ToDictionary(p => p.Key, p => LocalCalendar.Zone(p.Value.TimeZone));
        var progress = await history.ReadAsync(learners, cancellationToken);
        var now = clock.UtcNow;
        var rebuilt = new List<LearnerRoadmapStats>();
        foreach (var roadmap in request.Items.GroupBy(i => i.RoadmapId))
        {
            var outline = await catalog.GetRoadmapOutlineAsync(roadmap.Key, cancellationToken);
            if (outline is null)
            {
                continue;
            }

            var roadmapSource = outline.ToStatsSource();
            var ofRoadmap = roadmap.Select(i => i.LearnerId).Distinct().ToArray();
            var stored = (await stats.ListAsync(new RoadmapStatsOfLearnersSpec(roadmap.Key, ofRoadmap), cancellationToken))
                .ToDictionary(s => s.LearnerId);
            foreach (var learner in ofRoadmap)
            {
                var source = roadmapSource.With(progress[learner].On(roadmap.Key));
                var zone = zones.GetValueOrDefault(learner, TimeZoneInfo.Utc);
                if (!stored.TryGetValue(learner, out var row))
                {
                    rebuilt.Add(LearnerRoadmapStats.Calculate(learner, roadmap.Key, source, zone, now));
                }
                else if (row.Recalculate(source, zone, now))
                {
                    rebuilt.Add(row);
                }
            }
        }

        var rebuiltStreaks = await RecalculateStreaksAsync(progress, zones, now, cancellationToken);

        // Written last (the first write: on SQLite the writers' turn is taken only from here). A recalculation of the
        // same learners beside this one makes one of the two writes find another version than the one it rebuilt
        // from: that one fails as a conflict and runs again from what is stored then.
        foreach (var chunk in request.Items.SelectMany(i => i.MarkIds).Chunk(1_000))
        {
            await marks.RemoveAsync(new StatsMarksByIdsSpec(chunk), cancellationToken);
        }

        await writer.SaveAsync(rebuilt, rebuiltStreaks, cancellationToken);
        return rebuilt.Count;
    }

    /// <summary>
    /// The learners' streaks across roadmaps, rebuilt in this same transaction from their changes on every roadmap: a
    /// roadmap's row keeps only its recent days, so the union of days (and its longest run) comes from the events.
    /// </summary>
    private async Task<List<LearnerStreaks>> RecalculateStreaksAsync(
        IReadOnlyDictionary<Guid, LearnerProgress> progress, Dictionary<Guid, TimeZoneInfo> zones, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var learners = progress.Keys.ToArray();
        var stored = (await streaks.ListAsync(new LearnerStreaksOfSpec(learners), cancellationToken)).ToDictionary(s => s.LearnerId);
        var rebuilt = new List<LearnerStreaks>();
        foreach (var learner in learners)
        {
            var events = progress[learner].Roadmaps.Values.SelectMany(h => h.Changes).Select(c => c.ToStatsEvent()).ToList();
            var lastEventId = progress[learner].LastEventId;
            var zone = zones.GetValueOrDefault(learner, TimeZoneInfo.Utc);
            if (!stored.TryGetValue(learner, out var row))
            {
                rebuilt.Add(LearnerStreaks.Calculate(learner, events, lastEventId, zone, now));
            }
            else if (row.Recalculate(events, lastEventId, zone, now))
            {
                rebuilt.Add(row);
            }
        }

        return rebuilt;
    }
}
