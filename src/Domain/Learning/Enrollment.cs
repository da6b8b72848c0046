using Roadmap.Domain.Common;

namespace Roadmap.Domain.Learning;

/// <summary>
/// A learner following a roadmap. Leaving keeps the row (and all progress): following again brings it back.
/// One per learner and roadmap.
/// </summary>
public sealed class Enrollment : AggregateRoot
{
    private Enrollment()
    {
    }

    private Enrollment(Guid learnerId, Guid roadmapId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        LearnerId = learnerId;
        RoadmapId = roadmapId;
        EnrolledAt = now;
    }

    public Guid LearnerId { get; private set; }

    public Guid RoadmapId { get; private set; }

    /// <summary>When the learner last started to follow the roadmap.</summary>
    public DateTimeOffset EnrolledAt { get; private set; }

    /// <summary>When the learner left, or null while following.</summary>
    public DateTimeOffset? LeftAt { get; private set; }

    /// <summary>The time of the learner's last progress change on this roadmap (moved forward by the database, never backwards).</summary>
    public DateTimeOffset? LastActivityAt { get; private set; }

    public bool IsActive => LeftAt is null;

    public static Enrollment Follow(Guid learnerId, Guid roadmapId, DateTimeOffset now)
    {
        var enrollment = new Enrollment(learnerId, roadmapId, now);
        enrollment.Raise(new RoadmapFollowedDomainEvent(learnerId, roadmapId, now));
        return enrollment;
    }

    /// <summary>Follows the roadmap again after leaving it; false when already following.</summary>
    public bool FollowAgain(DateTimeOffset now)
    {
        if (IsActive)
        {
            return false;
        }

        LeftAt = null;
        EnrolledAt = now;
        Raise(new RoadmapFollowedDomainEvent(LearnerId, RoadmapId, now));
        return true;
    }

    /// <summary>Stops following; false when not following.</summary>
    public bool Leave(DateTimeOffset now)
    {
        if (!IsActive)
        {
            return false;
        }

        LeftAt = now;
        Raise(new RoadmapLeftDomainEvent(LearnerId, RoadmapId, now));
        return true;
    }
}
