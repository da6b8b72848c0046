using MediatR;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Application.Identity.Tokens;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Accounts.UpdateMyProfile;

internal sealed class UpdateMyProfileCommandHandler(IUserAccounts accounts, ICurrentUser caller)
    : IRequestHandler<UpdateMyProfileCommand, Result<UserProfileDto>>
{
    public async Task<Result<UserProfileDto>> Handle(UpdateMyProfileCommand request, CancellationToken cancellationToken) =>
        caller.Id is { } id
            ? await accounts.UpdateProfileAsync(id, request.DisplayName?.Trim(), request.TimeZone, request.ShowOnLeaderboard, cancellationToken)
            : IdentityErrors.NotSignedIn;
}
