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
        // The stored rows first, then their sources. A rebuild beside this one that commits after this read changes
        // their versions, so this one's write conflicts and runs again; one that committed before it read its sources
        // earlier than this one does, so this one's sources include everything it saw.
        var learners = request.Items.Select(i => i.LearnerId).Distinct().ToArray();
        var roadmaps = request.Items.GroupBy(i => i.RoadmapId).Select(g => (Id: g.Key, Learners: g.Select(i => i.LearnerId).Distinct().ToArray())).ToList();
        var storedStats = new Dictionary<Guid, Dictionary<Guid, LearnerRoadmapStats>>();
        foreach (var (roadmapId, ofRoadmap) in roadmaps)
        {
            storedStats[roadmapId] = (await stats.ListAsync(new RoadmapStatsOfLearnersSpec(roadmapId, ofRoadmap), cancellationToken)).ToDictionary(s => s.LearnerId);
        }

        var storedStreaks = (await streaks.ListAsync(new LearnerStreaksOfSpec(learners), cancellationToken)).ToDictionary(s => s.LearnerId);

        // The marks were listed before this command: every change they stand for is committed, so what is read below
        // includes it. A change made since has marks of its own, left for the next round.
        var zones = (await profiles.FindAsync(learners, cancellationToken)).ToDictionary(p => p.Key, p => LocalCalendar.Zone(p.Value.TimeZone));
        var progress = await history.ReadAsync(learners, cancellationToken);
        var now = clock.UtcNow;
        var rebuilt = new List<LearnerRoadmapStats>();
        foreach (var (roadmapId, ofRoadmap) in roadmaps)
        {
            var outline = await catalog.GetRoadmapOutlineAsync(roadmapId, cancellationToken);
            if (outline is null)
            {
                continue;
            }

            var roadmapSource = outline.ToStatsSource();
            foreach (var learner in ofRoadmap)
            {
                var source = roadmapSource.With(progress[learner].On(roadmapId));
                var zone = zones.GetValueOrDefault(learner, TimeZoneInfo.Utc);
                if (!storedStats[roadmapId].TryGetValue(learner, out var row))
                {
                    rebuilt.Add(LearnerRoadmapStats.Calculate(learner, roadmapId, source, zone, now));
                }
                else if (row.Recalculate(source, zone, now))
                {
                    rebuilt.Add(row);
                }
            }
        }

        var rebuiltStreaks = RecalculateStreaks(progress, storedStreaks, zones, now);

        // Written last (on SQLite the writers' turn is taken only from here), the rows before the marks they include.
        await writer.SaveAsync(rebuilt, rebuiltStreaks, cancellationToken);
        foreach (var chunk in request.Items.SelectMany(i => i.MarkIds).Chunk(1_000))
        {
            await marks.RemoveAsync(new StatsMarksByIdsSpec(chunk), cancellationToken);
        }

        return rebuilt.Count;
    }

    /// <summary>
    /// The learners' streaks across roadmaps, rebuilt in this same transaction from their changes on every roadmap: a
    /// roadmap's row keeps only its recent days, so the union of days (and its longest run) comes from the events.
    /// </summary>
    private static List<LearnerStreaks> RecalculateStreaks(
        IReadOnlyDictionary<Guid, LearnerProgress> progress, Dictionary<Guid, LearnerStreaks> stored, Dictionary<Guid, TimeZoneInfo> zones, DateTimeOffset now)
    {
        var rebuilt = new List<LearnerStreaks>();
        foreach (var learner in progress.Keys)
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
