using MediatR;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Application.Identity.Tokens;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Accounts.SetUserRoles;

internal sealed class SetUserRolesCommandHandler(IUserAccounts accounts) : IRequestHandler<SetUserRolesCommand, Result<UserProfileDto>>
{
    public async Task<Result<UserProfileDto>> Handle(SetUserRolesCommand request, CancellationToken cancellationToken)
    {
        // Two Admins demoting each other at once must not leave none: role changes take turns from here on.
        await accounts.LockRoleChangesAsync(cancellationToken);
        var user = await accounts.FindAsync(request.UserId, cancellationToken);
        if (user is null)
        {
            return IdentityErrors.UserNotFound(request.UserId);
        }

        var roles = request.Roles.Select(r => Roles.Named(r)!).Append(Roles.Learner).Distinct(StringComparer.Ordinal).ToList();
        if (user.Roles.Contains(Roles.Admin) && !roles.Contains(Roles.Admin)
            && await accounts.CountInRoleAsync(Roles.Admin, cancellationToken) == 1)
        {
            return Error.Conflict("user.last_admin", "This is the only Admin; make someone else an Admin first.");
        }

        return await accounts.SetRolesAsync(request.UserId, roles, cancellationToken);
    }
}
