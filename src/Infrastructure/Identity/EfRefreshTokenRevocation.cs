using Microsoft.EntityFrameworkCore;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Identity;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Identity;

/// <summary>Revokes a family with one conditional update, outside any tracked change, so it never conflicts.</summary>
internal sealed class EfRefreshTokenRevocation(RoadmapDbContext db) : IRefreshTokenRevocation
{
    public Task RevokeFamilyAsync(Guid familyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Set<RefreshTokenFamily>().Where(f => f.Id == familyId && f.RevokedAt == null)
            .ExecuteUpdateAsync(f => f.SetProperty(x => x.RevokedAt, now), cancellationToken);
}
