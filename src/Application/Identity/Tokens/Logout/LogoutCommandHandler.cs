using MediatR;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Identity;

namespace Roadmap.Application.Identity.Tokens.Logout;

internal sealed class LogoutCommandHandler(
    IRepository<RefreshToken> refreshTokens,
    IRefreshTokenRevocation revocation,
    ICurrentUser caller,
    IClock clock) : IRequestHandler<LogoutCommand, Result>
{
    public async Task<Result> Handle(LogoutCommand request, CancellationToken cancellationToken)
    {
        if (caller.Id is not { } id)
        {
            return IdentityErrors.NotSignedIn;
        }

        // Someone else's token is treated as unknown: logging out never touches another account.
        var presented = await refreshTokens.FirstOrDefaultAsync(new RefreshTokenByHashSpec(request.RefreshToken), cancellationToken);
        if (presented is not null && presented.UserId == id)
        {
            await revocation.RevokeFamilyAsync(presented.FamilyId, clock.UtcNow, cancellationToken);
        }

        return Result.Success();
    }
}
