using MediatR;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Application.Identity.Tokens;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Accounts.GetMyProfile;

internal sealed class GetMyProfileQueryHandler(IUserAccounts accounts) : IRequestHandler<GetMyProfileQuery, Result<UserProfileDto>>
{
    public async Task<Result<UserProfileDto>> Handle(GetMyProfileQuery request, CancellationToken cancellationToken) =>
        await accounts.FindAsync(request.UserId, cancellationToken) is { } user ? user : IdentityErrors.UserNotFound(request.UserId);
}
