using Ardalis.Specification;
using Roadmap.Domain.Insights;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Insights;

/// <summary>The oldest pending marks, at most <paramref name="take"/>, untracked.</summary>
public sealed class PendingStatsMarksSpec : Specification<StatsMark>
{
    public PendingStatsMarksSpec(int take) => Query.OrderBy(m => m.MarkedAt).ThenBy(m => m.Id).Take(take).AsNoTracking();
}

/// <summary>When the oldest (or the newest) mark left was written.</summary>
public sealed class StatsMarkTimeSpec : Specification<StatsMark, DateTimeOffset?>
{
    public StatsMarkTimeSpec(bool newest)
    {
        if (newest)
        {
            Query.OrderByDescending(m => m.MarkedAt);
        }
        else
        {
            Query.OrderBy(m => m.MarkedAt);
        }

        Query.AsNoTracking();
        Query.Select(m => (DateTimeOffset?)m.MarkedAt);
    }
}

/// <summary>These marks, tracked (to remove them).</summary>
public sealed class StatsMarksByIdsSpec : Specification<StatsMark>
{
    public StatsMarksByIdsSpec(IReadOnlyCollection<Guid> ids) => Query.Where(m => ids.Contains(m.Id));
}

/// <summary>One learner's stats on one roadmap, untracked.</summary>
public sealed class LearnerRoadmapStatsSpec : Specification<LearnerRoadmapStats>, ISingleResultSpecification<LearnerRoadmapStats>
{
    public LearnerRoadmapStatsSpec(Guid learnerId, Guid roadmapId) =>
        Query.Where(s => s.LearnerId == learnerId && s.RoadmapId == roadmapId).AsNoTracking();
}

/// <summary>The stats rows of these learners on a roadmap, untracked (rebuilt and saved by <c>IStatsWriter</c>).</summary>
public sealed class RoadmapStatsOfLearnersSpec : Specification<LearnerRoadmapStats>
{
    public RoadmapStatsOfLearnersSpec(Guid roadmapId, IReadOnlyCollection<Guid> learnerIds) =>
        Query.Where(s => s.RoadmapId == roadmapId && learnerIds.Contains(s.LearnerId)).AsNoTracking();
}

/// <summary>
/// Who is enrolled where — in a roadmap, of a learner, or all — a page in a stable order (by id), untracked.
/// </summary>
public sealed class EnrolledLearnersSpec : Specification<Enrollment, LearnerAndRoadmap>
{
    public EnrolledLearnersSpec(Guid? roadmapId, Guid? learnerId, int skip, int take)
    {
        var roadmap = roadmapId.GetValueOrDefault();
        var learner = learnerId.GetValueOrDefault();
        Query.Where(e => e.RoadmapId == roadmap, roadmapId.HasValue)
            .Where(e => e.LearnerId == learner, learnerId.HasValue)
            .OrderBy(e => e.Id)
            .Skip(skip)
            .Take(take)
            .AsNoTracking();
        Query.Select(e => new LearnerAndRoadmap(e.LearnerId, e.RoadmapId));
    }
}

public sealed record LearnerAndRoadmap(Guid LearnerId, Guid RoadmapId);

/// <summary>A learner's streaks across roadmaps, untracked.</summary>
public sealed class LearnerStreaksSpec : Specification<LearnerStreaks>, ISingleResultSpecification<LearnerStreaks>
{
    public LearnerStreaksSpec(Guid learnerId) => Query.Where(s => s.LearnerId == learnerId).AsNoTracking();
}

/// <summary>The streaks rows of these learners, untracked (rebuilt and saved by <c>IStatsWriter</c>).</summary>
public sealed class LearnerStreaksOfSpec : Specification<LearnerStreaks>
{
    public LearnerStreaksOfSpec(IReadOnlyCollection<Guid> learnerIds) => Query.Where(s => learnerIds.Contains(s.LearnerId)).AsNoTracking();
}

/// <summary>The roadmaps a learner follows now, most recently followed first.</summary>
public sealed class FollowedRoadmapsSpec : Specification<Enrollment, Guid>
{
    public FollowedRoadmapsSpec(Guid learnerId)
    {
        Query.Where(e => e.LearnerId == learnerId && e.LeftAt == null).OrderByDescending(e => e.EnrolledAt).ThenBy(e => e.Id).AsNoTracking();
        Query.Select(e => e.RoadmapId);
    }
}

/// <summary>A learner's stats rows on these roadmaps, untracked.</summary>
public sealed class LearnerStatsOnRoadmapsSpec : Specification<LearnerRoadmapStats>
{
    public LearnerStatsOnRoadmapsSpec(Guid learnerId, IReadOnlyCollection<Guid> roadmapIds) =>
        Query.Where(s => s.LearnerId == learnerId && roadmapIds.Contains(s.RoadmapId)).AsNoTracking();
}

/// <summary>
/// A page of a roadmap's stats rows in the leaderboard's order (<see cref="LeaderboardOrder"/>), as candidates. By
/// streak, only rows whose last active date can still be a current streak in some zone (<see cref="Leaderboard.StreaksSince"/>).
/// Every key descends, the learner id last, so one index per order serves it read backwards.
/// </summary>
public sealed class LeaderboardPageSpec : Specification<LearnerRoadmapStats, LeaderboardCandidate>
{
    public LeaderboardPageSpec(Guid roadmapId, LeaderboardOrder order, DateOnly streaksSince, int skip, int take)
    {
        Query.Where(s => s.RoadmapId == roadmapId).AsNoTracking();
        if (order == LeaderboardOrder.Streak)
        {
            Query.Where(s => s.LastActiveDate >= streaksSince && s.LastRun > 0)
                .OrderByDescending(s => s.LastRun)
                .ThenByDescending(s => s.PercentComplete)
                .ThenByDescending(s => s.Done)
                .ThenByDescending(s => s.LearnerId);
        }
        else
        {
            Query.OrderByDescending(s => s.PercentComplete)
                .ThenByDescending(s => s.Done)
                .ThenByDescending(s => s.LearnerId);
        }

        Query.Skip(skip).Take(take);
        Query.Select(s => new LeaderboardCandidate(s.LearnerId, s.PercentComplete, s.Done, s.LastRun, s.LastActiveDate, s.TimeZone));
    }
}

/// <summary>Which of these learners follow the roadmap now.</summary>
public sealed class FollowersAmongSpec : Specification<Enrollment, Guid>
{
    public FollowersAmongSpec(Guid roadmapId, IReadOnlyCollection<Guid> learnerIds)
    {
        Query.Where(e => e.RoadmapId == roadmapId && e.LeftAt == null && learnerIds.Contains(e.LearnerId)).AsNoTracking();
        Query.Select(e => e.LearnerId);
    }
}
