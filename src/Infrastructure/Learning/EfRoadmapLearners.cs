using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Learning;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Learning;

/// <summary>
/// <see cref="IRoadmapLearners"/>: one untracked query each, aggregated in SQL (counts grouped by topic, distinct
/// learners) except the activity, which is streamed as small tuples; "following" is an EXISTS on the enrollment.
/// </summary>
internal sealed class EfRoadmapLearners(RoadmapDbContext db) : IRoadmapLearners
{
    public async Task<IReadOnlyList<Guid>> ListFollowersAsync(Guid roadmapId, CancellationToken cancellationToken) =>
        await db.Set<Enrollment>().AsNoTracking()
            .Where(e => e.RoadmapId == roadmapId && e.LeftAt == null)
            .Select(e => e.LearnerId)
            .ToListAsync(cancellationToken);

    public Task<int> CountFollowersActiveSinceAsync(Guid roadmapId, DateTimeOffset since, CancellationToken cancellationToken) =>
        Activity(roadmapId)
            .Where(e => e.OccurredAt >= since)
            .Select(e => e.LearnerId)
            .Distinct()
            .CountAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, int>> CountFollowersByTopicAsync(
        Guid roadmapId, ProgressStatus status, CancellationToken cancellationToken) =>
        await db.Set<TopicProgress>().AsNoTracking()
            .Where(p => p.RoadmapId == roadmapId && p.Status == status)
            .Where(p => db.Set<Enrollment>().Any(e => e.RoadmapId == roadmapId && e.LearnerId == p.LearnerId && e.LeftAt == null))
            .GroupBy(p => p.TopicId)
            .Select(g => new { TopicId = g.Key, Learners = g.Count() })
            .ToDictionaryAsync(x => x.TopicId, x => x.Learners, cancellationToken);

    public async IAsyncEnumerable<LearnerStatusChange> ReadFollowersActivityAsync(
        Guid roadmapId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var changes = Activity(roadmapId)
            .OrderBy(e => e.LearnerId)
            .ThenBy(e => e.EventId)
            .Select(e => new LearnerStatusChange(e.LearnerId, e.TopicId, e.From, e.To, e.OccurredAt))
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken);
        await foreach (var change in changes)
        {
            yield return change;
        }
    }

    /// <summary>The changes of following learners that moved a topic of the roadmap to InProgress or Done.</summary>
    private IQueryable<ProgressEvent> Activity(Guid roadmapId) =>
        db.Set<ProgressEvent>().AsNoTracking()
            .Where(e => e.RoadmapId == roadmapId && e.From != e.To && (e.To == ProgressStatus.InProgress || e.To == ProgressStatus.Done))
            .Where(e => db.Set<Enrollment>().Any(en => en.RoadmapId == roadmapId && en.LearnerId == e.LearnerId && en.LeftAt == null));
}
