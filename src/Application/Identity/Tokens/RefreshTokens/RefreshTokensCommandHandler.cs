using MediatR;
using Microsoft.Extensions.Logging;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Identity;

namespace Roadmap.Application.Identity.Tokens.RefreshTokens;

internal sealed partial class RefreshTokensCommandHandler(
    IUserAccounts accounts,
    IAccessTokenIssuer tokens,
    IRepository<RefreshTokenFamily> families,
    IRepository<RefreshToken> refreshTokens,
    IRefreshTokenRevocation revocation,
    IUnitOfWork unitOfWork,
    IClock clock,
    ILogger<RefreshTokensCommandHandler> logger) : IRequestHandler<RefreshTokensCommand, Result<TokenPairDto>>
{
    public async Task<Result<TokenPairDto>> Handle(RefreshTokensCommand request, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var presented = await refreshTokens.FirstOrDefaultAsync(new RefreshTokenByHashSpec(request.RefreshToken), cancellationToken);
        var family = presented is null ? null : await families.FirstOrDefaultAsync(new RefreshTokenFamilyByIdSpec(presented.FamilyId), cancellationToken);
        if (presented is null || family is null)
        {
            return IdentityErrors.InvalidRefreshToken;
        }

        if (presented.IsUsed)
        {
            // A rotated token came back: someone holds a copy. End the whole family, thief and owner alike.
            if (!family.IsRevoked)
            {
                LogReuse(presented.UserId, family.Id);

                // Committed on its own: this command fails, and the revocation must stay.
                await unitOfWork.CommitSeparatelyAsync(ct => revocation.RevokeFamilyAsync(family.Id, now, ct), cancellationToken);
            }

            return IdentityErrors.InvalidRefreshToken;
        }

        var user = await accounts.FindAsync(presented.UserId, cancellationToken);
        if (!presented.IsActive(family, now) || user is null)
        {
            return IdentityErrors.InvalidRefreshToken;
        }

        var (secret, hash) = RefreshTokenSecrets.New();
        refreshTokens.Add(presented.Rotate(family, hash, now, tokens.RefreshTokenLifetime));
        var access = tokens.Issue(user);
        return new TokenPairDto(access.Token, secret, access.ExpiresIn);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A used refresh token was presented again for user {UserId}: token family {FamilyId} revoked")]
    private partial void LogReuse(Guid userId, Guid familyId);
}
