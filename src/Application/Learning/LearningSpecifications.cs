using Ardalis.Specification;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning;

/// <summary>A learner's enrollment in a roadmap (left or not), tracked for a change.</summary>
public sealed class EnrollmentSpec : Specification<Enrollment>, ISingleResultSpecification<Enrollment>
{
    public EnrollmentSpec(Guid learnerId, Guid roadmapId) => Query.Where(e => e.LearnerId == learnerId && e.RoadmapId == roadmapId);
}

/// <summary>The roadmaps a learner follows now, most recently followed first, a page at a time.</summary>
public sealed class ActiveEnrollmentsSpec : Specification<Enrollment>
{
    public ActiveEnrollmentsSpec(Guid learnerId, int page, int pageSize) =>
        Query.Where(e => e.LearnerId == learnerId && e.LeftAt == null)
            .OrderByDescending(e => e.EnrolledAt)
            .ThenBy(e => e.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .AsNoTracking();
}

/// <summary>A learner's progress on one topic, tracked for a change.</summary>
public sealed class TopicProgressSpec : Specification<TopicProgress>, ISingleResultSpecification<TopicProgress>
{
    public TopicProgressSpec(Guid learnerId, Guid topicId) => Query.Where(p => p.LearnerId == learnerId && p.TopicId == topicId);
}

/// <summary>Every progress row of a learner on a roadmap (retired topics' too), untracked.</summary>
public sealed class RoadmapProgressSpec : Specification<TopicProgress>
{
    /// <param name="forUpdate">Tracked, to change them; untracked for a read.</param>
    public RoadmapProgressSpec(Guid learnerId, Guid roadmapId, bool forUpdate = false)
    {
        Query.Where(p => p.LearnerId == learnerId && p.RoadmapId == roadmapId);
        if (!forUpdate)
        {
            Query.AsNoTracking();
        }
    }
}

/// <summary>A learner's progress events on a roadmap, newest first, a page at a time (projected by the caller).</summary>
public sealed class ProgressEventsSpec : Specification<ProgressEvent>
{
    public ProgressEventsSpec(Guid learnerId, Guid roadmapId, int page, int pageSize) =>
        Query.Where(e => e.LearnerId == learnerId && e.RoadmapId == roadmapId)
            .OrderByDescending(e => e.EventId)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .AsNoTracking();
}

/// <summary>
/// A learner's progress events on every roadmap (retired topics' too) that happened from <c>start</c> (inclusive) to
/// <c>end</c> (exclusive), as the changes activity counts: three columns, untracked.
/// </summary>
public sealed class ProgressChangesSpec : Specification<ProgressEvent, ProgressChange>
{
    public ProgressChangesSpec(Guid learnerId, DateTimeOffset start, DateTimeOffset end)
    {
        // Compared in UTC: PostgreSQL takes only UTC times, and SQLite's stored times sort as UTC ones.
        var from = start.ToUniversalTime();
        var until = end.ToUniversalTime();
        Query.Where(e => e.LearnerId == learnerId && e.OccurredAt >= from && e.OccurredAt < until)
            .AsNoTracking();
        Query.Select(e => new ProgressChange(e.OccurredAt, e.From, e.To));
    }
}
