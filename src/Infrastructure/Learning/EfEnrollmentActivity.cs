using Microsoft.EntityFrameworkCore;
using Roadmap.Application.Learning.Enrollments;
using Roadmap.Domain.Learning;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Learning;

/// <summary>
/// <see cref="IEnrollmentActivity"/> as one <c>UPDATE … WHERE</c> the stored time is older (SQLite compares the times
/// as the integers it stores them as, which keep their order for UTC times, the only ones the service writes).
/// </summary>
internal sealed class EfEnrollmentActivity(RoadmapDbContext db) : IEnrollmentActivity
{
    public Task RecordAsync(Guid enrollmentId, DateTimeOffset at, CancellationToken cancellationToken) =>
        db.Set<Enrollment>()
            .Where(e => e.Id == enrollmentId && (e.LastActivityAt == null || e.LastActivityAt < at))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastActivityAt, at), cancellationToken);
}
