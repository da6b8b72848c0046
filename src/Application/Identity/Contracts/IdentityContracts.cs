using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Contracts;

/// <summary>A profile as its owner sees it.</summary>
public sealed record UserProfileDto(
    Guid Id,
    string Email,
    IReadOnlyList<string> Roles,
    string DisplayName,
    string TimeZone,
    bool ShowOnLeaderboard);

/// <summary>What a client keeps after signing in: a short-lived access token and a single-use refresh token.</summary>
public sealed record TokenPairDto(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType = "Bearer");

/// <summary>A signed access token and its lifetime in seconds.</summary>
public sealed record AccessToken(string Token, int ExpiresIn);

/// <summary>
/// The accounts store (ASP.NET Core Identity in Infrastructure): it stores and checks; the rules about who may sign in
/// or hold which role are the handlers'. Writes join the command's transaction.
/// </summary>
public interface IUserAccounts
{
    /// <summary>Creates a Learner; a weak password or a taken email is a failure, not an exception.</summary>
    Task<Result<UserProfileDto>> CreateAsync(string email, string password, string displayName, string timeZone, CancellationToken cancellationToken);

    Task<Guid?> FindIdByEmailAsync(string email, CancellationToken cancellationToken);

    Task<UserProfileDto?> FindAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="password"/> is the account's; an unknown account takes as long to refuse as a wrong password.</summary>
    Task<bool> CheckPasswordAsync(Guid? userId, string password, CancellationToken cancellationToken);

    Task<Result<UserProfileDto>> UpdateProfileAsync(Guid userId, string? displayName, string? timeZone, bool? showOnLeaderboard, CancellationToken cancellationToken);

    /// <summary>Gives the account exactly these roles.</summary>
    Task<Result<UserProfileDto>> SetRolesAsync(Guid userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken);

    /// <summary>
    /// Holds role changes of other commands until this command's transaction ends, so that rules counting role holders
    /// (there is always an Admin) see what they change.
    /// </summary>
    Task LockRoleChangesAsync(CancellationToken cancellationToken);

    Task<int> CountInRoleAsync(string role, CancellationToken cancellationToken);
}

/// <summary>
/// Failed sign-ins toward lockout, counted atomically in the store (Identity's own counter reads, increments and
/// writes, and loses counts under parallel attempts).
/// </summary>
public interface ISignInAttempts
{
    /// <summary>
    /// Counts an attempt and says whether its password may be checked: not when the account is locked, nor when this
    /// attempt is past the limit, which locks the account.
    /// </summary>
    Task<bool> ClaimAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// A success clears the count, and a lock set while its password was checked: only attempts claimed after this one
    /// (none is claimed while the account is locked) set it, so it ends as if the attempts checked meanwhile had come
    /// before it, an order that gets no more checks than the limit allows. So the right password sent many times at once
    /// never locks the account.
    /// </summary>
    Task SucceedAsync(Guid userId, CancellationToken cancellationToken);
}

/// <summary>Ends refresh-token families where they are stored.</summary>
public interface IRefreshTokenRevocation
{
    /// <summary>
    /// Revokes a family at once and idempotently: revoking one already revoked (a parallel logout, a replay)
    /// is not a conflict. Any rotation not yet saved then fails.
    /// </summary>
    Task RevokeFamilyAsync(Guid familyId, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Signs access tokens (JWT in Infrastructure).</summary>
public interface IAccessTokenIssuer
{
    AccessToken Issue(UserProfileDto user);

    /// <summary>How long a refresh token lives.</summary>
    TimeSpan RefreshTokenLifetime { get; }
}
