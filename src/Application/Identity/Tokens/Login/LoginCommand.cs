using FluentValidation;
using MediatR;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Identity;

namespace Roadmap.Application.Identity.Tokens.Login;

/// <summary>Signs in with email and password: a new token family begins.</summary>
public sealed record LoginCommand(string Email, string Password) : ICommand<Result<TokenPairDto>>;

internal sealed class LoginCommandValidator : AbstractValidator<LoginCommand>
{
    public LoginCommandValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(UserProfileRules.EmailMaxLength);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(256);
    }
}

internal sealed class LoginCommandHandler(
    IUserAccounts accounts,
    IAccessTokenIssuer tokens,
    IRepository<RefreshToken> refreshTokens,
    IClock clock) : IRequestHandler<LoginCommand, Result<TokenPairDto>>
{
    public async Task<Result<TokenPairDto>> Handle(LoginCommand request, CancellationToken cancellationToken)
    {
        var user = await accounts.VerifyPasswordAsync(request.Email, request.Password, cancellationToken);
        if (!user.IsSuccess)
        {
            return user.Error;
        }

        var (token, hash) = RefreshTokenSecrets.New();
        refreshTokens.Add(RefreshToken.Issue(user.Value.Id, hash, clock.UtcNow, tokens.RefreshTokenLifetime));
        var access = tokens.Issue(user.Value);
        return new TokenPairDto(access.Token, token, access.ExpiresIn);
    }
}
