namespace Roadmap.Application.Learning.Enrollments;

/// <summary>
/// Moves an enrollment's last activity forward, in the command's transaction, in one statement that keeps the later
/// of the stored time and the given one: progress writes of one learner racing each other neither lose a later time
/// to an earlier one nor conflict over the enrollment's row (each only waits for the other's commit). An enrollment
/// left since the command read it is a <see cref="Common.Ports.ConcurrencyConflictException"/>: the command runs again
/// and follows the roadmap again (or finds it archived), as a progress write does.
/// </summary>
public interface IEnrollmentActivity
{
    Task RecordAsync(Guid enrollmentId, DateTimeOffset at, CancellationToken cancellationToken);
}
