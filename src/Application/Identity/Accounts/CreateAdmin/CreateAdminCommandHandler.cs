using MediatR;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Identity;

namespace Roadmap.Application.Identity.Accounts.CreateAdmin;

internal sealed class CreateAdminCommandHandler(IUserAccounts accounts) : IRequestHandler<CreateAdminCommand, Result<UserProfileDto>>
{
    public async Task<Result<UserProfileDto>> Handle(CreateAdminCommand request, CancellationToken cancellationToken)
    {
        var email = request.Email.Trim();
        await accounts.LockRoleChangesAsync(cancellationToken);
        var userId = await accounts.FindIdByEmailAsync(email, cancellationToken);
        if (userId is null)
        {
            var created = await accounts.CreateAsync(email, request.Password, request.DisplayName.Trim(), UserProfileRules.DefaultTimeZone, cancellationToken);
            if (!created.IsSuccess)
            {
                return created;
            }

            userId = created.Value.Id;
        }
        else if (!await accounts.CheckPasswordAsync(userId, request.Password, cancellationToken))
        {
            // Registering proves nothing about owning an email: an existing account is promoted only by its own password.
            return Error.Conflict(
                "user.exists",
                "An account with this email already exists and the password given is not its password; it was not made an Admin.");
        }

        var user = (await accounts.FindAsync(userId.Value, cancellationToken))!;
        return user.Roles.Contains(Roles.Admin)
            ? user
            : await accounts.SetRolesAsync(user.Id, [.. user.Roles, Roles.Admin], cancellationToken);
    }
}
