using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Application.Identity.Tokens;
using Roadmap.Domain.Common;
using Roadmap.Domain.Identity;

namespace Roadmap.Infrastructure.Identity;

/// <summary>The accounts port on ASP.NET Core Identity's user manager (password hashing, lockout, roles).</summary>
internal sealed class IdentityUserAccounts(UserManager<ApplicationUser> users, IClock clock) : IUserAccounts
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
        var created = await users.CreateAsync(user, password);
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

        if (await users.IsLockedOutAsync(user))
        {
            return IdentityErrors.InvalidCredentials;
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return IdentityErrors.InvalidCredentials;
        }

        await users.ResetAccessFailedCountAsync(user);
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

    private async Task<UserProfileDto> ToDto(ApplicationUser user) => new(
        user.Id,
        user.Email!,
        (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList(),
        user.DisplayName,
        user.TimeZone,
        user.ShowOnLeaderboard);

    /// <summary>Identity's failures as our errors: a taken email is a conflict, the rest is bad input.</summary>
    private static Error ToError(IdentityResult result)
    {
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return Error.Conflict("user.email_taken", "An account with this email already exists.");
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
