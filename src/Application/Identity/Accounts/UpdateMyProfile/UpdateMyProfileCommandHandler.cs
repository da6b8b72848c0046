using MediatR;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Application.Identity.Tokens;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Accounts.UpdateMyProfile;

internal sealed class UpdateMyProfileCommandHandler(IUserAccounts accounts, ICurrentUser caller, IUnitOfWork unitOfWork, IClock clock)
    : IRequestHandler<UpdateMyProfileCommand, Result<UserProfileDto>>
{
    public async Task<Result<UserProfileDto>> Handle(UpdateMyProfileCommand request, CancellationToken cancellationToken)
    {
        if (caller.Id is not { } id)
        {
            return IdentityErrors.NotSignedIn;
        }

        var before = request.TimeZone is null ? null : await accounts.FindAsync(id, cancellationToken);
        var updated = await accounts.UpdateProfileAsync(id, request.DisplayName?.Trim(), request.TimeZone, request.ShowOnLeaderboard, cancellationToken);
        if (updated.IsSuccess && before is not null && before.TimeZone != updated.Value.TimeZone)
        {
            // Days (stats, streaks) are counted in the zone: whoever counts them recalculates, in this transaction.
            unitOfWork.Raise(new LearnerTimeZoneChangedDomainEvent(id, updated.Value.TimeZone, clock.UtcNow));
        }

        return updated;
    }
}
