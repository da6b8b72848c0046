using Microsoft.EntityFrameworkCore;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Learning;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Learning;

/// <summary>
/// <see cref="IProgressHistory"/> in three untracked queries per chunk of learners (statuses, activity, last event
/// id), each reading only the columns stats need.
/// </summary>
internal sealed class EfProgressHistory(RoadmapDbContext db) : IProgressHistory
{
    /// <summary>Learners per query: well under SQL Server's 2,100 parameters.</summary>
    private const int Chunk = 1_000;

    public async Task<IReadOnlyDictionary<Guid, LearnerHistory>> ReadAsync(
        Guid roadmapId, IReadOnlyCollection<Guid> learnerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learnerIds);
        var histories = new Dictionary<Guid, LearnerHistory>();
        foreach (var chunk in learnerIds.Distinct().Chunk(Chunk))
        {
            var statuses = await db.Set<TopicProgress>().AsNoTracking()
                .Where(p => p.RoadmapId == roadmapId && chunk.Contains(p.LearnerId))
                .Select(p => new { p.LearnerId, p.TopicId, p.Status })
                .ToListAsync(cancellationToken);
            var activity = await db.Set<ProgressEvent>().AsNoTracking()
                .Where(e => e.RoadmapId == roadmapId && chunk.Contains(e.LearnerId) && e.From != e.To
                    && (e.To == ProgressStatus.InProgress || e.To == ProgressStatus.Done))
                .OrderBy(e => e.EventId)
                .Select(e => new { e.LearnerId, e.TopicId, e.From, e.To, e.OccurredAt })
                .ToListAsync(cancellationToken);
            var lastEventIds = await db.Set<ProgressEvent>().AsNoTracking()
                .Where(e => e.RoadmapId == roadmapId && chunk.Contains(e.LearnerId))
                .GroupBy(e => e.LearnerId)
                .Select(g => new { LearnerId = g.Key, Last = g.Max(e => e.EventId) })
                .ToDictionaryAsync(x => x.LearnerId, x => x.Last, cancellationToken);

            var statusesOf = statuses.ToLookup(s => s.LearnerId);
            var activityOf = activity.ToLookup(a => a.LearnerId);
            foreach (var learner in chunk)
            {
                histories[learner] = new LearnerHistory(
                    statusesOf[learner].ToDictionary(s => s.TopicId, s => s.Status),
                    [.. activityOf[learner].Select(a => new TopicStatusChange(a.TopicId, a.From, a.To, a.OccurredAt))],
                    lastEventIds.GetValueOrDefault(learner));
            }
        }

        return histories;
    }

    public async Task<IReadOnlyDictionary<Guid, LearnerActivity>> ReadActivityAsync(
        IReadOnlyCollection<Guid> learnerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learnerIds);
        var activities = new Dictionary<Guid, LearnerActivity>();
        foreach (var chunk in learnerIds.Distinct().Chunk(Chunk))
        {
            var activity = await db.Set<ProgressEvent>().AsNoTracking()
                .Where(e => chunk.Contains(e.LearnerId) && e.From != e.To && (e.To == ProgressStatus.InProgress || e.To == ProgressStatus.Done))
                .OrderBy(e => e.EventId)
                .Select(e => new { e.EventId, e.LearnerId, e.TopicId, e.From, e.To, e.OccurredAt })
                .ToListAsync(cancellationToken);
            var activityOf = activity.ToLookup(a => a.LearnerId);
            foreach (var learner in chunk)
            {
                var changes = activityOf[learner].ToList();
                activities[learner] = new LearnerActivity(
                    [.. changes.Select(a => new TopicStatusChange(a.TopicId, a.From, a.To, a.OccurredAt))],
                    changes.Count > 0 ? changes[^1].EventId : 0);
            }
        }

        return activities;
    }
}
