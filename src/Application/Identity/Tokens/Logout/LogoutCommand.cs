using FluentValidation;
using MediatR;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Common;
using Roadmap.Domain.Identity;

namespace Roadmap.Application.Identity.Tokens.Logout;

/// <summary>Signs out: the refresh token (and every token of its family) stops working. Idempotent.</summary>
public sealed record LogoutCommand(Guid UserId, string RefreshToken) : ICommand<Result>;

internal sealed class LogoutCommandValidator : AbstractValidator<LogoutCommand>
{
    public LogoutCommandValidator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(256);
}

internal sealed class LogoutCommandHandler(IRepository<RefreshToken> refreshTokens, IClock clock)
    : IRequestHandler<LogoutCommand, Result>
{
    public async Task<Result> Handle(LogoutCommand request, CancellationToken cancellationToken)
    {
        var presented = await refreshTokens.FirstOrDefaultAsync(new RefreshTokenByHashSpec(RefreshTokenSecrets.Hash(request.RefreshToken)), cancellationToken);

        // Someone else's token is treated as unknown: logging out never touches another account.
        if (presented is not null && presented.UserId == request.UserId)
        {
            foreach (var token in await refreshTokens.ListAsync(new RefreshTokenFamilySpec(presented.FamilyId), cancellationToken))
            {
                token.Revoke(clock.UtcNow);
            }
        }

        return Result.Success();
    }
}
