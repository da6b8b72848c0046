using MapsterMapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Application.Identity.Tokens;
using Roadmap.Domain.Common;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Identity;

/// <summary>The accounts port on ASP.NET Core Identity's user manager (password hashing, roles) and the database (lockout).</summary>
internal sealed class IdentityUserAccounts(
    UserManager<ApplicationUser> users,
    RoadmapDbContext db,
    IClock clock,
    IMapper mapper) : IUserAccounts
{
    /// <summary>The advisory-lock key of role changes ("roles" in ASCII).</summary>
    private const long RoleChangesLockKey = 0x726F6C6573;

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

    public async Task<Guid?> FindIdByEmailAsync(string email, CancellationToken cancellationToken) =>
        (await users.FindByEmailAsync(email))?.Id;

    public async Task<bool> CheckPasswordAsync(Guid? userId, string password, CancellationToken cancellationToken)
    {
        var user = userId is null ? null : await users.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user?.PasswordHash is null)
        {
            // Spend the time a real check takes, so response times do not tell which accounts exist.
            users.PasswordHasher.HashPassword(new ApplicationUser(), password);
            return false;
        }

        return users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
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
        var removed = await users.RemoveFromRolesAsync(user, current.Except(roles));
        if (!removed.Succeeded)
        {
            return ToError(removed);
        }

        var added = await users.AddToRolesAsync(user, roles.Except(current));
        return added.Succeeded ? await ToDto(user) : ToError(added);
    }

    public async Task LockRoleChangesAsync(CancellationToken cancellationToken)
    {
        // Held until the command's transaction ends. On SQLite the command's write transaction begins now: writers take turns.
        if (db.FirstWrite is { } beginWriting)
        {
            await beginWriting(cancellationToken);
        }
        else if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({RoleChangesLockKey})", cancellationToken);
        }
        else if (db.Database.IsSqlServer())
        {
            await db.Database.ExecuteSqlRawAsync(
                "EXEC sp_getapplock @Resource = 'roadmap.role-changes', @LockMode = 'Exclusive', @LockOwner = 'Transaction'", cancellationToken);
        }
    }

    public Task<int> CountInRoleAsync(string role, CancellationToken cancellationToken)
    {
        var normalized = users.NormalizeName(role);
        return db.UserRoles.CountAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalized), cancellationToken);
    }

    private static Error EmailTaken => Error.Conflict("user.email_taken", "An account with this email already exists.");

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
        return Error.InvalidFields(details);
    }
}
