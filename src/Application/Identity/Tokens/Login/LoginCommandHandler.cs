using MediatR;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Identity;

namespace Roadmap.Application.Identity.Tokens.Login;

internal sealed class LoginCommandHandler(
    IUserAccounts accounts,
    ISignInAttempts attempts,
    IAccessTokenIssuer tokens,
    IRepository<RefreshTokenFamily> families,
    IRepository<RefreshToken> refreshTokens,
    IUnitOfWork unitOfWork,
    IClock clock) : IRequestHandler<LoginCommand, Result<TokenPairDto>>
{
    public async Task<Result<TokenPairDto>> Handle(LoginCommand request, CancellationToken cancellationToken)
    {
        // Unknown email, wrong password and locked account all give the same answer, in about the same time,
        // so that nobody can tell which accounts exist.
        var userId = await accounts.FindIdByEmailAsync(request.Email.Trim(), cancellationToken);
        if (userId is not { } id)
        {
            await accounts.CheckPasswordAsync(null, request.Password, cancellationToken);
            return IdentityErrors.InvalidCredentials;
        }

        // The attempt is counted and committed before its password is checked: a failed sign-in stays counted when
        // this command fails, and parallel guesses get no more checks than sequential ones.
        var mayCheck = false;
        await unitOfWork.CommitSeparatelyAsync(async ct => mayCheck = await attempts.ClaimAsync(id, ct), cancellationToken);
        if (!await accounts.CheckPasswordAsync(mayCheck ? id : null, request.Password, cancellationToken))
        {
            return IdentityErrors.InvalidCredentials;
        }

        await attempts.SucceedAsync(id, cancellationToken);
        if (await accounts.FindAsync(id, cancellationToken) is not { } user)
        {
            return IdentityErrors.InvalidCredentials;
        }

        var (token, hash) = RefreshTokenSecrets.New();
        var family = RefreshTokenFamily.Start(user.Id, clock.UtcNow);
        families.Add(family);
        refreshTokens.Add(RefreshToken.Issue(family, hash, clock.UtcNow, tokens.RefreshTokenLifetime));
        var access = tokens.Issue(user);
        return new TokenPairDto(access.Token, token, access.ExpiresIn);
    }
}
