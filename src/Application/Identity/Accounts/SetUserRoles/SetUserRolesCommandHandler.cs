using MediatR;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Identity;

namespace Roadmap.Application.Identity.Accounts.SetUserRoles;

internal sealed class SetUserRolesCommandHandler(IUserAccounts accounts) : IRequestHandler<SetUserRolesCommand, Result<UserProfileDto>>
{
    public Task<Result<UserProfileDto>> Handle(SetUserRolesCommand request, CancellationToken cancellationToken) =>
        accounts.SetRolesAsync(request.UserId, request.Roles.Append(Roles.Learner).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
}
