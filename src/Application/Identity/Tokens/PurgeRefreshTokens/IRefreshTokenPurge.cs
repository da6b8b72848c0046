namespace Roadmap.Application.Identity.Tokens.PurgeRefreshTokens;

/// <summary>Deletes dead refresh tokens where they are stored, as a few set-based statements.</summary>
public interface IRefreshTokenPurge
{
    /// <summary>
    /// Deletes the tokens that expired before <paramref name="cutoff"/> and every token of a family revoked before it,
    /// then the families that have no token left. Returns how many tokens and families were deleted.
    /// </summary>
    Task<(int Tokens, int Families)> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
