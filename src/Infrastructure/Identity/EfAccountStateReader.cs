using Microsoft.EntityFrameworkCore;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Identity;

/// <summary>An account's existence and role names in one query.</summary>
internal sealed class EfAccountStateReader(RoadmapDbContext db) : IAccountStateReader
{
    public async Task<AccountState?> ReadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var roles = await db.Users.Where(u => u.Id == userId)
            .Select(u => db.UserRoles.Where(ur => ur.UserId == u.Id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList())
            .FirstOrDefaultAsync(cancellationToken);
        return roles is null ? null : new AccountState(roles);
    }
}
