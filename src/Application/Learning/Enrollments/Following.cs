using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Enrollments;

internal static class Following
{
    /// <summary>
    /// The learner's enrollment in the roadmap, following it (again) if they did not; <c>Started</c> says whether it
    /// did. Two requests doing this at once: the second save breaks the unique (learner, roadmap) index and its
    /// command runs again (<see cref="Common.Messaging.IRetryOnConflict"/>), finding the first one's row.
    /// </summary>
    public static async Task<(Enrollment Enrollment, bool Started)> FollowAsync(
        this IRepository<Enrollment> enrollments, Guid learnerId, Guid roadmapId, DateTimeOffset now, CancellationToken cancellationToken) =>
        enrollments.Follow(await enrollments.SingleOrDefaultAsync(new EnrollmentSpec(learnerId, roadmapId), cancellationToken), learnerId, roadmapId, now);

    /// <summary>As <see cref="FollowAsync"/>, from the learner's <paramref name="enrollment"/> already read (null: none).</summary>
    public static (Enrollment Enrollment, bool Started) Follow(
        this IRepository<Enrollment> enrollments, Enrollment? enrollment, Guid learnerId, Guid roadmapId, DateTimeOffset now)
    {
        if (enrollment is null)
        {
            enrollment = Enrollment.Follow(learnerId, roadmapId, now);
            enrollments.Add(enrollment);
            return (enrollment, true);
        }

        return (enrollment, enrollment.FollowAgain(now));
    }
}
