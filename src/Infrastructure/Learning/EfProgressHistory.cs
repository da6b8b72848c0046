using Microsoft.EntityFrameworkCore;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Learning;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Learning;

/// <summary>
/// <see cref="IProgressHistory"/> in two untracked queries per chunk of learners (statuses, changes), each reading
/// only the columns stats need. The changes come in the order of the covering index on (learner, roadmap, event id),
/// which holds every column read, so PostgreSQL reads them from the index alone, without visiting the table.
/// </summary>
internal sealed class EfProgressHistory(RoadmapDbContext db) : IProgressHistory
{
    /// <summary>Learners per query: well under SQL Server's 2,100 parameters.</summary>
    private const int Chunk = 1_000;

    public async Task<IReadOnlyDictionary<Guid, LearnerProgress>> ReadAsync(IReadOnlyCollection<Guid> learnerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learnerIds);
        var progress = new Dictionary<Guid, LearnerProgress>();
        foreach (var chunk in learnerIds.Distinct().Chunk(Chunk))
        {
            var statuses = await db.Set<TopicProgress>().AsNoTracking()
                .Where(p => chunk.Contains(p.LearnerId))
                .Select(p => new { p.LearnerId, p.RoadmapId, p.TopicId, p.Status })
                .ToListAsync(cancellationToken);
            var changes = await db.Set<ProgressEvent>().AsNoTracking()
                .Where(e => chunk.Contains(e.LearnerId))
                .OrderBy(e => e.LearnerId).ThenBy(e => e.RoadmapId).ThenBy(e => e.EventId)
                .Select(e => new { e.EventId, e.LearnerId, e.RoadmapId, e.TopicId, e.From, e.To, e.OccurredAt })
                .ToListAsync(cancellationToken);

            var statusesOf = statuses.ToLookup(s => s.LearnerId);
            var changesOf = changes.ToLookup(c => c.LearnerId);
            foreach (var learner in chunk)
            {
                var statusesOn = statusesOf[learner].ToLookup(s => s.RoadmapId);
                var changesOn = changesOf[learner].ToLookup(c => c.RoadmapId);
                var roadmaps = statusesOn.Select(g => g.Key).Union(changesOn.Select(g => g.Key)).ToDictionary(
                    roadmap => roadmap,
                    roadmap => new LearnerHistory(
                        statusesOn[roadmap].ToDictionary(s => s.TopicId, s => s.Status),
                        [.. changesOn[roadmap].Select(c => new TopicStatusChange(c.TopicId, c.From, c.To, c.OccurredAt))],
                        changesOn[roadmap].Select(c => c.EventId).DefaultIfEmpty().Max()));
                progress[learner] = new LearnerProgress(roadmaps);
            }
        }

        return progress;
    }
}
