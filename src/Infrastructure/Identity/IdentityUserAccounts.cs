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

        var passwordMatches = user.PasswordHash is not null
            && users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
        if (user.LockoutEnd > clock.UtcNow)
        {
            // Checked after the hash, so a locked account answers as slowly as any other.
            return IdentityErrors.InvalidCredentials;
        }

        if (!passwordMatches)
        {
            await CountFailureAsync(user.Id, cancellationToken);
            return IdentityErrors.InvalidCredentials;
        }

        if (user.AccessFailedCount > 0)
        {
            await db.Users.Where(u => u.Id == user.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.AccessFailedCount, 0), cancellationToken);
        }

        return await ToDto(user);
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
    /// Counts a failed sign-in in one statement, so parallel attempts cannot lose counts (Identity's own counter
    /// reads, increments and writes), and locks the account when the count reaches the limit.
    /// </summary>
    private async Task CountFailureAsync(Guid userId, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxFailedSignIns;
        var lockedUntil = clock.UtcNow.AddMinutes(options.Value.LockoutMinutes);
        await db.Users.Where(u => u.Id == userId && u.LockoutEnabled)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.AccessFailedCount, x => x.AccessFailedCount + 1), cancellationToken);
        var locked = await db.Users.Where(u => u.Id == userId && u.AccessFailedCount >= limit)
            .ExecuteUpdateAsync(
                u => u.SetProperty(x => x.LockoutEnd, lockedUntil).SetProperty(x => x.AccessFailedCount, 0),
                cancellationToken);
        if (locked > 0)
        {
            LogLockedOut(userId, lockedUntil);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {UserId} locked until {LockedUntil} after repeated failed sign-ins")]
    private partial void LogLockedOut(Guid userId, DateTimeOffset lockedUntil);

    private async Task<UserProfileDto> ToDto(ApplicationUser user) => new(
        user.Id,
        user.Email!,
        (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList(),
        user.DisplayName,
        user.TimeZone,
        user.ShowOnLeaderboard);

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
