using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Tokens.PurgeRefreshTokens;

/// <summary>
/// Deletes refresh tokens that expired, or whose family was revoked, more than <see cref="RetentionDays"/> days ago,
/// and the families left without tokens. Idempotent: a second run finds nothing more to delete.
/// </summary>
public sealed record PurgeRefreshTokensCommand : ICommand<Result<RefreshTokenPurgeOutcome>>
{
    /// <summary>How long dead tokens are kept (for support questions and replay diagnostics) before they go.</summary>
    public const int RetentionDays = 30;
}

/// <summary>What a purge deleted, and the moment before which tokens counted as old.</summary>
public sealed record RefreshTokenPurgeOutcome(int Tokens, int Families, DateTimeOffset Cutoff);
