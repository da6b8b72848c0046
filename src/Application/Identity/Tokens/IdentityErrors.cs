using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Tokens;

public static class IdentityErrors
{
    public static Error InvalidCredentials { get; } = Error.Unauthorized("auth.invalid_credentials", "The email or password is incorrect.");

    public static Error InvalidRefreshToken { get; } =
        Error.Unauthorized("auth.invalid_refresh_token", "The refresh token is not valid; sign in again.");

    public static Error NotSignedIn { get; } = Error.Unauthorized("auth.not_signed_in", "Sign in first.");

    public static Error UserNotFound(Guid id) => Error.NotFound("user.not_found", $"No user '{id}' was found.");
}
