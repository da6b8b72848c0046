using Microsoft.EntityFrameworkCore;
using Roadmap.Application.Identity.Tokens.PurgeRefreshTokens;
using Roadmap.Domain.Identity;
using Roadmap.Infrastructure.Common.Persistence;

namespace Roadmap.Infrastructure.Identity;

/// <summary>
/// Two set-based deletes: dead tokens, then families left without tokens (or revoked long ago). A family is only
/// ever empty once its last token is gone (a sign-in saves the family and its first token together), and an empty
/// family can never issue a token again, so deleting it loses nothing.
/// </summary>
internal sealed class EfRefreshTokenPurge(RoadmapDbContext db) : IRefreshTokenPurge
{
    public async Task<(int Tokens, int Families)> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var families = db.Set<RefreshTokenFamily>();
        var tokens = db.Set<RefreshToken>();
        var deletedTokens = await tokens
            .Where(t => t.ExpiresAt < cutoff || families.Any(f => f.Id == t.FamilyId && f.RevokedAt < cutoff))
            .ExecuteDeleteAsync(cancellationToken);
        var deletedFamilies = await families
            .Where(f => f.RevokedAt < cutoff || !tokens.Any(t => t.FamilyId == f.Id))
            .ExecuteDeleteAsync(cancellationToken);
        return (deletedTokens, deletedFamilies);
    }
}
