using MediatR;
using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Common;
using Roadmap.Domain.Identity;

namespace Roadmap.Application.Identity.Tokens.Logout;

internal sealed class LogoutCommandHandler(
    IRepository<RefreshTokenFamily> families,
    IRepository<RefreshToken> refreshTokens,
    IClock clock) : IRequestHandler<LogoutCommand, Result>
{
    public async Task<Result> Handle(LogoutCommand request, CancellationToken cancellationToken)
    {
        var presented = await refreshTokens.FirstOrDefaultAsync(new RefreshTokenByHashSpec(request.RefreshToken), cancellationToken);

        // Someone else's token is treated as unknown: logging out never touches another account.
        if (presented is not null && presented.UserId == request.UserId
            && await families.FirstOrDefaultAsync(new RefreshTokenFamilyByIdSpec(presented.FamilyId), cancellationToken) is { } family)
        {
            family.Revoke(clock.UtcNow);
        }

        return Result.Success();
    }
}
