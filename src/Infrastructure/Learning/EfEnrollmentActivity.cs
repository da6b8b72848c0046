using Microsoft.EntityFrameworkCore;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Learning.Enrollments;
using Roadmap.Domain.Learning;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Learning;

/// <summary>
/// <see cref="IEnrollmentActivity"/> as one <c>UPDATE … SET</c> the later of the two times, on the enrollment only
/// while it is followed (SQLite compares the times as the integers it stores them as, which keep their order for UTC
/// times, the only ones the service writes).
/// </summary>
internal sealed class EfEnrollmentActivity(RoadmapDbContext db) : IEnrollmentActivity
{
    public async Task RecordAsync(Guid enrollmentId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var followed = await db.Set<Enrollment>()
            .Where(e => e.Id == enrollmentId && e.LeftAt == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(e => e.LastActivityAt, e => e.LastActivityAt == null || e.LastActivityAt < at ? at : e.LastActivityAt),
                cancellationToken);
        if (followed == 0)
        {
            throw new ConcurrencyConflictException("The roadmap was left meanwhile; the change is made again, following it again.");
        }
    }
}
