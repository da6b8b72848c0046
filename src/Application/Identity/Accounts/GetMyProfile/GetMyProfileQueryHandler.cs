using MediatR;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Application.Identity.Tokens;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Accounts.GetMyProfile;

internal sealed class GetMyProfileQueryHandler(IUserAccounts accounts, ICurrentUser caller) : IRequestHandler<GetMyProfileQuery, Result<UserProfileDto>>
{
    public async Task<Result<UserProfileDto>> Handle(GetMyProfileQuery request, CancellationToken cancellationToken)
    {
        if (caller.Id is not { } id)
        {
            return IdentityErrors.NotSignedIn;
        }

        return await accounts.FindAsync(id, cancellationToken) is { } user ? user : IdentityErrors.UserNotFound(id);
    }
}
