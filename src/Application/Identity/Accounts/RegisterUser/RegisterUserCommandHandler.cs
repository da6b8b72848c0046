using MediatR;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Identity;

namespace Roadmap.Application.Identity.Accounts.RegisterUser;

internal sealed class RegisterUserCommandHandler(IUserAccounts accounts) : IRequestHandler<RegisterUserCommand, Result<UserProfileDto>>
{
    public Task<Result<UserProfileDto>> Handle(RegisterUserCommand request, CancellationToken cancellationToken) =>
        accounts.CreateAsync(
            request.Email.Trim(),
            request.Password,
            request.DisplayName.Trim(),
            UserProfileRules.CanonicalTimeZone(request.TimeZone ?? UserProfileRules.DefaultTimeZone),
            cancellationToken);
}
