using MediatR;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Accounts.UpdateMyProfile;

internal sealed class UpdateMyProfileCommandHandler(IUserAccounts accounts) : IRequestHandler<UpdateMyProfileCommand, Result<UserProfileDto>>
{
    public Task<Result<UserProfileDto>> Handle(UpdateMyProfileCommand request, CancellationToken cancellationToken) =>
        accounts.UpdateProfileAsync(request.UserId, request.DisplayName?.Trim(), request.TimeZone, request.ShowOnLeaderboard, cancellationToken);
}
