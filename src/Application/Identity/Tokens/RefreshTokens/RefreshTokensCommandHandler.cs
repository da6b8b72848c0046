using MediatR;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Identity;

namespace Roadmap.Application.Identity.Tokens.RefreshTokens;

internal sealed class RefreshTokensCommandHandler(
    IUserAccounts accounts,
    IAccessTokenIssuer tokens,
    IRepository<RefreshToken> refreshTokens,
    IUnitOfWork unitOfWork,
    IClock clock) : IRequestHandler<RefreshTokensCommand, Result<TokenPairDto>>
{
    public async Task<Result<TokenPairDto>> Handle(RefreshTokensCommand request, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var presented = await refreshTokens.FirstOrDefaultAsync(new RefreshTokenByHashSpec(RefreshTokenSecrets.Hash(request.RefreshToken)), cancellationToken);
        if (presented is null)
        {
            return IdentityErrors.InvalidRefreshToken;
        }

        if (presented.UsedAt is not null)
        {
            // A rotated token came back: someone holds a copy. End the whole family, thief and owner alike.
            await refreshTokens.RevokeFamilyAsync(presented, now, cancellationToken);

            // Saved here because the request itself fails, and a failed command is otherwise not saved.
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return IdentityErrors.InvalidRefreshToken;
        }

        var user = await accounts.FindAsync(presented.UserId, cancellationToken);
        if (!presented.IsActive(now) || user is null)
        {
            return IdentityErrors.InvalidRefreshToken;
        }

        var (secret, hash) = RefreshTokenSecrets.New();
        refreshTokens.Add(presented.Rotate(hash, now, tokens.RefreshTokenLifetime));
        var access = tokens.Issue(user);
        return new TokenPairDto(access.Token, secret, access.ExpiresIn);
    }
}
