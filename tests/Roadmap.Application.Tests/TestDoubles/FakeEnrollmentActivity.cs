using Roadmap.Application.Learning.Enrollments;

namespace Roadmap.Application.Tests.TestDoubles;

/// <summary>Records the activity a command notes; the database's "later of the two" is the API tests' to check.</summary>
internal sealed class FakeEnrollmentActivity : IEnrollmentActivity
{
    public List<(Guid EnrollmentId, DateTimeOffset At)> Recorded { get; } = [];

    public Task RecordAsync(Guid enrollmentId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Recorded.Add((enrollmentId, at));
        return Task.CompletedTask;
    }
}
