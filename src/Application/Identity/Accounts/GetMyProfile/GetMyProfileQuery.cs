using MediatR;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Application.Identity.Tokens;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Accounts.GetMyProfile;

public sealed record GetMyProfileQuery(Guid UserId) : IQuery<Result<UserProfileDto>>;

internal sealed class GetMyProfileQueryHandler(IUserAccounts accounts) : IRequestHandler<GetMyProfileQuery, Result<UserProfileDto>>
{
    public async Task<Result<UserProfileDto>> Handle(GetMyProfileQuery request, CancellationToken cancellationToken) =>
        await accounts.FindAsync(request.UserId, cancellationToken) is { } user ? user : IdentityErrors.UserNotFound(request.UserId);
}
