using MediatR;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Application.Identity.Tokens;
using Roadmap.Domain.Common;
using Roadmap.Domain.Identity;

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

        var updated = await accounts.UpdateProfileAsync(
            id, request.DisplayName?.Trim(), request.TimeZone is { } zone ? UserProfileRules.CanonicalTimeZone(zone) : null, request.ShowOnLeaderboard, cancellationToken);
        if (updated.IsSuccess && request.TimeZone is not null)
        {
            // Days (stats, streaks) are counted in the zone: whoever counts them recalculates, in this transaction.
            // Raised whenever the zone is set, changed or not: comparing with a row read before the update could miss
            // a concurrent change (set X there, back to Y here), and marking the learner's stats again is harmless.
            unitOfWork.Raise(new LearnerTimeZoneChangedDomainEvent(id, updated.Value.TimeZone, clock.UtcNow));
        }

        return updated;
    }
}
