using MediatR;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Identity;

namespace Roadmap.Application.Identity.Tokens.Login;

internal sealed class LoginCommandHandler(
    IUserAccounts accounts,
    IAccessTokenIssuer tokens,
    IRepository<RefreshTokenFamily> families,
    IRepository<RefreshToken> refreshTokens,
    IClock clock) : IRequestHandler<LoginCommand, Result<TokenPairDto>>
{
    public async Task<Result<TokenPairDto>> Handle(LoginCommand request, CancellationToken cancellationToken)
    {
        var user = await accounts.VerifyPasswordAsync(request.Email.Trim(), request.Password, cancellationToken);
        if (!user.IsSuccess)
        {
            return user.Error;
        }

        var (token, hash) = RefreshTokenSecrets.New();
        var family = RefreshTokenFamily.Start(user.Value.Id, clock.UtcNow);
        families.Add(family);
        refreshTokens.Add(RefreshToken.Issue(family, hash, clock.UtcNow, tokens.RefreshTokenLifetime));
        var access = tokens.Issue(user.Value);
        return new TokenPairDto(access.Token, token, access.ExpiresIn);
    }
}
