using MediatR;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Accounts.CreateAdmin;

internal sealed class CreateAdminCommandHandler(IUserAccounts accounts) : IRequestHandler<CreateAdminCommand, Result<UserProfileDto>>
{
    public Task<Result<UserProfileDto>> Handle(CreateAdminCommand request, CancellationToken cancellationToken) =>
        accounts.EnsureAdminAsync(request.Email.Trim(), request.Password, request.DisplayName.Trim(), cancellationToken);
}
