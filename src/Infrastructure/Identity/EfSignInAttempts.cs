using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Identity;

/// <summary>Failed sign-ins counted with conditional updates on the account row, so parallel attempts never lose a count.</summary>
internal sealed partial class EfSignInAttempts(
    RoadmapDbContext db,
    IOptions<AuthOptions> options,
    IClock clock,
    ILogger<EfSignInAttempts> logger) : ISignInAttempts
{
    public async Task<bool> ClaimAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var claimed = await db.Users.Where(u => u.Id == userId && (u.LockoutEnd == null || u.LockoutEnd <= now))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.AccessFailedCount, x => x.AccessFailedCount + 1), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        // Read after the increment: parallel attempts only make the number larger, so this errs toward locking.
        var attempts = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.AccessFailedCount).FirstAsync(cancellationToken);
        if (attempts <= options.Value.MaxFailedSignIns)
        {
            return true;
        }

        // The new ConcurrencyStamp makes a profile save that loaded the account earlier fail instead of unlocking it.
        var lockedUntil = now.AddMinutes(options.Value.LockoutMinutes);
        var locked = await db.Users.Where(u => u.Id == userId && (u.LockoutEnd == null || u.LockoutEnd <= now))
            .ExecuteUpdateAsync(
                u => u.SetProperty(x => x.LockoutEnd, lockedUntil)
                    .SetProperty(x => x.AccessFailedCount, 0)
                    .SetProperty(x => x.ConcurrencyStamp, Guid.NewGuid().ToString()),
                cancellationToken);
        if (locked > 0)
        {
            LogLockedOut(userId, lockedUntil);
        }

        return false;
    }

    public async Task SucceedAsync(Guid userId, CancellationToken cancellationToken)
    {
        // A lock lifted gets a new ConcurrencyStamp too, so that a profile save that loaded the locked account fails
        // instead of locking it again.
        var now = clock.UtcNow;
        var stamp = Guid.NewGuid().ToString();
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(
                u => u.SetProperty(x => x.AccessFailedCount, 0)
                    .SetProperty(x => x.ConcurrencyStamp, x => x.LockoutEnd > now ? stamp : x.ConcurrencyStamp)
                    .SetProperty(x => x.LockoutEnd, (DateTimeOffset?)null),
                cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {UserId} locked until {LockedUntil:O} after repeated failed sign-ins")]
    private partial void LogLockedOut(Guid userId, DateTimeOffset lockedUntil);
}
