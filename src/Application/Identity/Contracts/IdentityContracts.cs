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

/// <summary>The accounts store (ASP.NET Core Identity in Infrastructure): passwords, lockout, roles, profile.</summary>
public interface IUserAccounts
{
    /// <summary>Creates a Learner; a weak password or a taken email is a failure, not an exception.</summary>
    Task<Result<UserProfileDto>> CreateAsync(string email, string password, string displayName, string timeZone, CancellationToken cancellationToken);

    /// <summary>
    /// Checks a password, counting failures toward lockout. Unknown email, wrong password and locked account
    /// all give the same Unauthorized error, so an attacker cannot tell which accounts exist.
    /// </summary>
    Task<Result<UserProfileDto>> VerifyPasswordAsync(string email, string password, CancellationToken cancellationToken);

    Task<UserProfileDto?> FindAsync(Guid userId, CancellationToken cancellationToken);

    Task<Result<UserProfileDto>> UpdateProfileAsync(Guid userId, string? displayName, string? timeZone, bool? showOnLeaderboard, CancellationToken cancellationToken);

    Task<Result<UserProfileDto>> SetRolesAsync(Guid userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the account (with this password) and makes it an Admin; an existing account is promoted only
    /// when <paramref name="password"/> is its password.
    /// </summary>
    Task<Result<UserProfileDto>> EnsureAdminAsync(string email, string password, string displayName, CancellationToken cancellationToken);

    Task<bool> AnyAdminAsync(CancellationToken cancellationToken);
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
