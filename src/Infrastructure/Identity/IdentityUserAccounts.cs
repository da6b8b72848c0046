using MapsterMapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Application.Identity.Tokens;
using Roadmap.Domain.Common;
using Roadmap.Domain.Identity;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Identity;

/// <summary>The accounts port on ASP.NET Core Identity's user manager (password hashing, roles) and the database (lockout).</summary>
internal sealed partial class IdentityUserAccounts(
    UserManager<ApplicationUser> users,
    RoadmapDbContext db,
    IOptions<AuthOptions> options,
    IClock clock,
    IMapper mapper,
    ILogger<IdentityUserAccounts> logger) : IUserAccounts
{
    public async Task<Result<UserProfileDto>> CreateAsync(
        string email, string password, string displayName, string timeZone, CancellationToken cancellationToken)
    {
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            DisplayName = displayName,
            TimeZone = timeZone,
            CreatedAt = clock.UtcNow,
        };
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, password);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // The same email registered by a parallel request between Identity's check and its insert.
            return EmailTaken;
        }

        if (!created.Succeeded)
        {
            return ToError(created);
        }

        var role = await users.AddToRoleAsync(user, Roles.Learner);
        return role.Succeeded ? await ToDto(user) : ToError(role);
    }

    public async Task<Result<UserProfileDto>> VerifyPasswordAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // Spend the time a real check takes, so response times do not tell which emails exist.
            users.PasswordHasher.HashPassword(new ApplicationUser(), password);
            return IdentityErrors.InvalidCredentials;
        }

        // Every attempt takes a numbered slot before its password is checked, so a burst of parallel guesses
        // gets no more checks than sequential ones: past the limit, the account locks and nothing is checked.
        var mayCheck = await ClaimAttemptAsync(user.Id, cancellationToken);
        var passwordMatches = user.PasswordHash is not null
            && users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
        if (!mayCheck || !passwordMatches)
        {
            return IdentityErrors.InvalidCredentials;
        }

        // A success counts only if no parallel attempt locked the account meanwhile.
        var now = clock.UtcNow;
        var reset = await db.Users.Where(u => u.Id == user.Id && (u.LockoutEnd == null || u.LockoutEnd <= now))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.AccessFailedCount, 0), cancellationToken);
        return reset > 0 ? await ToDto(user) : IdentityErrors.InvalidCredentials;
    }

    public async Task<UserProfileDto?> FindAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await users.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? null : await ToDto(user);
    }

    public async Task<Result<UserProfileDto>> UpdateProfileAsync(
        Guid userId, string? displayName, string? timeZone, bool? showOnLeaderboard, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return IdentityErrors.UserNotFound(userId);
        }

        user.DisplayName = displayName ?? user.DisplayName;
        user.TimeZone = timeZone ?? user.TimeZone;
        user.ShowOnLeaderboard = showOnLeaderboard ?? user.ShowOnLeaderboard;
        var updated = await users.UpdateAsync(user);
        return updated.Succeeded ? await ToDto(user) : ToError(updated);
    }

    public async Task<Result<UserProfileDto>> SetRolesAsync(Guid userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return IdentityErrors.UserNotFound(userId);
        }

        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && !roles.Contains(Roles.Admin) && (await users.GetUsersInRoleAsync(Roles.Admin)).Count == 1)
        {
            return Error.Conflict("user.last_admin", "This is the only Admin; make someone else an Admin first.");
        }

        var removed = await users.RemoveFromRolesAsync(user, current.Except(roles));
        if (!removed.Succeeded)
        {
            return ToError(removed);
        }

        var added = await users.AddToRolesAsync(user, roles.Except(current));
        return added.Succeeded ? await ToDto(user) : ToError(added);
    }

    public async Task<Result<UserProfileDto>> EnsureAdminAsync(string email, string password, string displayName, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            var created = await CreateAsync(email, password, displayName, UserProfileRules.DefaultTimeZone, cancellationToken);
            if (!created.IsSuccess)
            {
                return created;
            }

            user = (await users.FindByEmailAsync(email))!;
        }
        else if (!await users.CheckPasswordAsync(user, password))
        {
            // Registering proves nothing about owning an email: an existing account is promoted only by its own password.
            return Error.Conflict(
                "user.exists",
                "An account with this email already exists and the password given is not its password; it was not made an Admin.");
        }

        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            var promoted = await users.AddToRoleAsync(user, Roles.Admin);
            if (!promoted.Succeeded)
            {
                return ToError(promoted);
            }
        }

        return await ToDto(user);
    }

    public async Task<bool> AnyAdminAsync(CancellationToken cancellationToken) =>
        (await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0;

    private static Error EmailTaken => Error.Conflict("user.email_taken", "An account with this email already exists.");

    /// <summary>
    /// Counts a sign-in attempt in the database (Identity's own counter reads, increments and writes, and loses
    /// counts under parallel attempts) and says whether its password may be checked: not when the account is
    /// locked, nor when this attempt is past the limit, which locks the account. A success resets the count.
    /// </summary>
    private async Task<bool> ClaimAttemptAsync(Guid userId, CancellationToken cancellationToken)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {UserId} locked until {LockedUntil} after repeated failed sign-ins")]
    private partial void LogLockedOut(Guid userId, DateTimeOffset lockedUntil);

    private async Task<UserProfileDto> ToDto(ApplicationUser user) =>
        IdentityMappings.ToProfile(mapper, user, await users.GetRolesAsync(user));

    /// <summary>Identity's failures as our errors: a taken email or a lost race is a conflict, the rest is bad input.</summary>
    private static Error ToError(IdentityResult result)
    {
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return EmailTaken;
        }

        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            return Error.Conflict("concurrency_conflict", "The account was changed by another request meanwhile; read it again and retry.");
        }

        var details = result.Errors
            .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : e.Code.Contains("Email", StringComparison.Ordinal) ? "email" : "user")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
        return Error.Validation("validation", "One or more fields are invalid.", details);
    }
}
